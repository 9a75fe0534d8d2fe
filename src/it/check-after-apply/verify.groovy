// the console aligns findings in columns: compare with blanks squeezed
def log = new File(basedir, 'build.log').readLines().collect { it.replaceAll(/\s+/, ' ') }
assert log.contains('[INFO] is: set port offset 0 -> 1 in dist/wso2is-5.7.0/repository/conf/carbon.xml:127 (<Offset> 0 -> 1)')
assert log.contains('[INFO] is on localhost: Identity Server 5.7.0, offset 1 (dist/wso2is-5.7.0/repository/conf/carbon.xml:127), 6 ports')
assert log.contains('[INFO] wso2-ports:check: 0 errors, 0 warnings in 2 instances on 1 host')
assert log.contains('[INFO] BUILD SUCCESS')
