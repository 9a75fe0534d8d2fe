import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/wso2-ports')
def json = new JsonSlurper().parse(new File(reports, 'ports.json'))
assert !json.summary.fails && json.summary.errors == 0
assert json.findings.every { it.severity == 'warning' || it.severity == 'info' }
def md = new File(reports, 'ports.md').text
['app1', 'app2'].each { assert md.contains("## Host ${it}") }
// for a change ticket: the instances first, the ports per host, where each comes from last
assert md.indexOf('## Instances') < md.indexOf('## Findings') && md.indexOf('## Findings') < md.indexOf('## Host app1')
assert md.contains('| Instance | Host | Product | Version | Offset | Offset from | Listening ports |')
assert md =~ /\| apim \| app1 \| API Manager \| 2\.6\.0 \| 0 \| dist\/wso2am-2\.6\.0\/repository\/conf\/carbon\.xml:127 \| \d+ \|/
assert md.contains('| 9443 | tcp | apim | HTTPS servlet transport (management console) | any |')
assert md.contains('| app1 | 9443 | apim | moves with the offset | 9443 | dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:54 |')
assert md.indexOf('## Where each port comes from') > md.indexOf('## Host app2')
// the picture: valid SVG, a dot per listening port, none red when nothing clashes
def f = javax.xml.parsers.DocumentBuilderFactory.newInstance()
f.namespaceAware = true
def svg = f.newDocumentBuilder().parse(new File(reports, 'ports.svg')).documentElement
assert svg.localName == 'svg' && svg.namespaceURI == 'http://www.w3.org/2000/svg'
def circles = svg.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'circle')
assert circles.length == json.instances.collect { it.ports.findAll { it.listens && it.enabled && it.rule != 'outbound' } }.flatten().size()
assert !(0..<circles.length).any { circles.item(it).getAttribute('fill') == '#c00000' }
assert new File(reports, 'wso2-ports.sarif').isFile()
// the properties check exported, as a later plugin saw them
assert new File(basedir, 'target/exported.txt').text == 'apim https=9443 passthrough=8280 broker amqp=5675 broker offset=3'
