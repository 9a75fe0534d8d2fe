// The compose file's API Manager publishes on localhost the host ports the host's own API Manager listens on: each
// clash names the instance's file and the compose file's line. Its Micro Integrator (offset 10) clashes with nothing.
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[INFO] api-manager (the container of compose/docker-compose.yml:36, registry.wso2.com/wso2-apim/am:4.7.0.0): '
        + 'API Manager 4.7.0.0, offset 0 (compose/conf/apim/repository/conf/deployment.toml sets no offset: '
        + "API Manager 4.7.0.0's default when deployment.toml sets none), 15 ports")
assert log.contains('[ERROR] localhost tcp/9443 clash: api-manager compose/docker-compose.yml:49 <-> apim catalog default: '
        + 'dist/wso2am-4.7.0/repository/conf/deployment.toml sets no transport.https.properties.port, and '
        + 'dist/wso2am-4.7.0/repository/conf/tomcat/catalina-server.xml is regenerated at start-up: the product\'s default')
assert log.any { it.startsWith('[ERROR] localhost tcp/8280 clash: api-manager compose/docker-compose.yml:50 <-> apim ') }
assert log.any { it.startsWith('[ERROR] localhost tcp/8243 clash: api-manager compose/docker-compose.yml:51 <-> apim ') }
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 3 errors, 0 warnings (clash 3) in 1 instance and 3 compose '
        + 'services on 1 host') }
// the reports hold the services, their published ports and the findings on the compose file's lines
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/wso2-ports/ports.json'))
def api = json.containers.find { it.id == 'api-manager' }
assert api.image == 'registry.wso2.com/wso2-apim/am:4.7.0.0' && api.instance == 'api-manager'
assert api.published.collect { it.hostPort } == ['9443', '8280', '8243']
assert api.published[0].source == [file: 'compose/docker-compose.yml', line: 49]
assert json.containers.find { it.id == 'mysql' }.notModelled == 'not a WSO2 image (mysql:8.4.9)'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/wso2-ports/wso2-ports.sarif'))
def uris = sarif.runs[0].results.collectMany { r -> r.locations + (r.relatedLocations ?: []) }
        .collect { it.physicalLocation.artifactLocation.uri + ':' + it.physicalLocation.region?.startLine }
assert uris.contains('compose/docker-compose.yml:49')
assert new File(basedir, 'target/wso2-ports/ports.md').text.contains('| 9443 | tcp | api-manager | published: container port 9443 (compose/docker-compose.yml:49) |')
assert !log.any { it.startsWith('\tat ') }
