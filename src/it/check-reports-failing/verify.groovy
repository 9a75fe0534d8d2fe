import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/wso2-ports')
def json = new JsonSlurper().parse(new File(reports, 'ports.json'))
assert json.schema == 'wso2-ports/1'
assert json.instances*.id == ['apim', 'is', 'ei/integrator', 'ei/analytics', 'ei/broker', 'ei/business-process']
assert json.summary.fails
// the clash on 9443 with both owners
def clash = json.findings.find { it.kind == 'clash' && it.port == 9443 }
assert clash.severity == 'error' && clash.host == 'localhost'
assert clash.owners*.name == ['apim', 'is']
assert clash.owners[0].file == 'dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml' && clash.owners[0].line == 54
// the suppression: still in the report, not failing
def accepted = json.findings.find { it.kind == 'clash' && it.port == 10711 }
assert accepted.suppressed.reason == 'IS moves to its own host in Q1 (OPS-42)'
assert accepted.suppressed.file == 'accepted-findings.txt' && accepted.suppressed.line == 2
assert json.summary.suppressed == 1
// the severity override: ephemeral findings are errors here
def ephemeral = json.findings.findAll { it.kind == 'ephemeral' }
assert ephemeral && ephemeral.every { it.severity == 'error' }
assert ephemeral*.port.contains(13001L) || ephemeral*.port.contains(13001)

def md = new File(reports, 'ports.md').text
assert md.contains('## Host localhost') && md.contains('## Host app2')
assert md.indexOf('## Instances') < md.indexOf('## Findings') && md.indexOf('## Findings') < md.indexOf('## Host ')
// the picture marks the clash on 9443 red, in both owners' rows
def f = javax.xml.parsers.DocumentBuilderFactory.newInstance()
f.namespaceAware = true
def circles = f.newDocumentBuilder().parse(new File(reports, 'ports.svg')).documentElement
        .getElementsByTagNameNS('http://www.w3.org/2000/svg', 'circle')
def red = (0..<circles.length).collect { circles.item(it) }.findAll { it.getAttribute('fill') == '#c00000' }
        .collect { it.textContent }
assert red.contains('apim: tcp/9443 HTTPS servlet transport (management console) (clash)')
assert red.contains('is: tcp/9443 HTTPS servlet transport (management console) (clash)')

def sarif = new JsonSlurper().parse(new File(reports, 'wso2-ports.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == json.findings.size()

// a second run gives byte-identical reports
['ports.json', 'ports.md', 'ports.svg', 'wso2-ports.sarif'].each { name ->
    assert new File(basedir, "target/second-run/${name}").bytes == new File(reports, name).bytes : name
}
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.any { it.startsWith('[INFO] suppressed localhost tcp/10711 clash: apim ') && it.endsWith('[IS moves to its own host in Q1 (OPS-42), accepted-findings.txt:2]') }
