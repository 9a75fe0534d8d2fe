def toml = new File(basedir, 'wso2am-4.2.0/repository/conf/deployment.toml').readLines()
assert toml[3] == 'offset=3'
assert new File(basedir, 'wso2am-4.2.0/repository/conf/carbon.xml').text.contains('<Offset>0</Offset>')
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] wso2am-4.2.0 on localhost: API Manager 4.2.0, offset 3 (wso2am-4.2.0/repository/conf/deployment.toml:4), 15 ports')
assert log.any { it.contains('wso2am-4.2.0/repository/conf/carbon.xml:6 says offset 0, but it is generated from deployment.toml') }
def squeezed = log.collect { it.replaceAll(/\s+/, ' ') }
assert squeezed.any { it.startsWith('[ERROR] localhost tcp/9099 link: wso2am-4.2.0 (WebSocket URL the gateway environment advertises ws://localhost:9099') && it.endsWith('it should point at 9102 (wso2am-4.2.0)') }
// no pom: check writes no reports into the distribution
assert !new File(basedir, 'wso2am-4.2.0/target').exists() && !new File(basedir, 'target').exists()
