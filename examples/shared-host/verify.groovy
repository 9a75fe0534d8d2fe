// Run by the plugin's build (maven-invoker-plugin): the example applies each planned offset to its copy.
def estate = new File(basedir, 'target/dist')
assert new File(estate, 'wso2am-2.6.0/repository/conf/carbon.xml').text.contains('<Offset>0</Offset>')
assert new File(estate, 'wso2is-5.11.0/repository/conf/deployment.toml').readLines()[2] == 'offset = 4'
assert new File(estate, 'wso2ei-6.6.0/conf/carbon.xml').text.contains('<Offset>5</Offset>')
assert new File(estate, 'wso2ei-6.6.0/wso2/broker/conf/carbon.xml').text.contains('<Offset>3</Offset>')
// the sample distributions themselves are not touched
assert new File(basedir, 'dist/wso2is-5.11.0/repository/conf/deployment.toml').readLines()[2] == 'hostname = "localhost"'
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] is: set port offset 0 -> 4 in target/dist/wso2is-5.11.0/repository/conf/deployment.toml:3 (added offset = 4 under [server])')
assert log.contains('[INFO] wso2-ports:check: 0 errors, 0 warnings in 5 instances on 1 host')
