// the console aligns findings in columns: compare with blanks squeezed
def log = new File(basedir, 'build.log').readLines().collect { it.replaceAll(/\s+/, ' ') }
assert log.contains('[INFO] am on localhost: API Manager 4.7.0, offset 2 (dist/wso2am-4.7.0/repository/conf/deployment.toml:3), 15 ports')
assert log.contains('[INFO] dist/wso2am-4.7.0/repository/conf/carbon.xml:130 says offset 0, but it is generated from '
        + 'deployment.toml at the next start: the toml\'s 2 is used')
assert log.contains('[INFO] wso2-ports:check: 0 errors, 0 warnings in 1 instance on 1 host')
