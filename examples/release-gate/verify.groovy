// Run by the plugin's build: the release zip is checked in place, the accepted finding does not fail the gate.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines().collect { it.replaceAll(/\s+/, ' ') }
assert log.contains('[INFO] apim on localhost: API Manager 4.2.0, offset 0 (target/wso2am-4.2.0.zip!/repository/conf/'
        + 'deployment.toml sets no offset: the config-mapper default), 15 ports')
assert log.any { it.startsWith('[INFO] suppressed localhost tcp/9099 reserved: apim ') }
assert log.contains('[INFO] wso2-ports:check: 0 errors, 0 warnings, 1 suppressed in 2 instances on 1 host')
def json = new JsonSlurper().parse(new File(basedir, 'target/wso2-ports/ports.json'))
assert json.instances*.home == ['target/wso2am-4.2.0.zip', 'src/dist/wso2is-7.3.0']
assert new File(basedir, 'target/wso2-ports/ports.md').text.contains('## Host localhost')
