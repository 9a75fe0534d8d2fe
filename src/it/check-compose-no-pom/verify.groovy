// Each WSO2 service is read from what it mounts over its image; the broker's two dead mappings fail the build, each on
// its line of the compose file, with what really listens and where it comes from.
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[INFO] wso2ei-broker (the container of deploy/docker-compose.yml:69, docker.wso2.com/wso2ei-broker:6.2.0): '
        + 'Enterprise Integrator 6.2.0, offset 3 (deploy/broker/conf/carbon.xml:127), 8 ports')
assert log.contains('[ERROR] wso2ei-broker tcp/8836 published: wso2ei-broker deploy/docker-compose.yml:78: publishes 8836, '
        + 'but MQTT over SSL (embedded broker) listens on 8886: deploy/broker/conf/broker.xml:105 plus offset 3 '
        + '(deploy/broker/conf/carbon.xml:127)')
assert log.any { it.startsWith('[ERROR] wso2ei-broker tcp/7614 published: wso2ei-broker deploy/docker-compose.yml:79: '
        + 'publishes 7614, but nothing listens there: broker slot-coordination Thrift server') }
assert log.contains('[ERROR] wso2-ports:check: 2 errors, 0 warnings (published 2) in 5 compose services on 1 host')
assert log.any { it.startsWith('[ERROR] Failed to execute goal') && it.contains('wso2-ports:check: 2 errors') }
assert !log.any { it.startsWith('\tat ') }
// with no pom, nothing is written
assert !new File(basedir, 'target').exists()
