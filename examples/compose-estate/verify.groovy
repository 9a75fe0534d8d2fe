// Run by the plugin's build: each WSO2 service is read from what it mounts over its image, every published port is
// one its product listens on, and no host port is taken twice.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines().collect { it.replaceAll(/\s+/, ' ') }
assert log.contains('[INFO] micro-integrator (the container of docker-compose.yml:20, wso2/wso2mi:4.3.0): Micro '
        + 'Integrator 4.3.0, offset 10 (conf/mi/conf/deployment.toml sets no offset: Micro Integrator 4.3.0\'s default '
        + 'when deployment.toml sets none), 4 ports')
assert log.contains('[INFO] wso2-ports:check: 0 errors, 0 warnings in 1 instance and 3 compose services on 1 host')
def json = new JsonSlurper().parse(new File(basedir, 'target/wso2-ports/ports.json'))
assert json.containers*.id == ['mysql', 'api-manager', 'micro-integrator']
assert json.containers.find { it.id == 'micro-integrator' }.published*.containerPort == [8290, 8253]
