import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/wso2-ports')
def json = new JsonSlurper().parse(new File(reports, 'ports.json'))
assert !json.summary.fails && json.summary.errors == 0
assert json.findings.every { it.severity == 'warning' || it.severity == 'info' }
def md = new File(reports, 'ports.md').text
['app1', 'app2'].each { assert md.contains("## Host ${it}") }
assert md.contains('| 9443 | tcp | apim | HTTPS servlet transport (management console) | moves with the offset | 9443 | dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:54 |')
assert new File(reports, 'wso2-ports.sarif').isFile()
// the properties check exported, as a later plugin saw them
assert new File(basedir, 'target/exported.txt').text == 'apim https=9443 passthrough=8280 broker amqp=5675 broker offset=3'
