def log = new File(basedir, 'build.log').readLines()
assert log.contains('[ERROR] localhost offset: is is planned at offset 1 but its files say 0 '
        + '(dist/wso2is-5.7.0/repository/conf/carbon.xml:127); fix: mvn wso2-ports:apply -Dwso2-ports.instance=is')
