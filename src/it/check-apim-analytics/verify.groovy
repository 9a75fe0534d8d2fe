def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
// no false clash: API Manager 9443/9763 and the worker's 9091/9444 (yaml 9090/9443 + offset 1, msf4j 2.7.7), the
// dashboard's 9092/9643 (9089/9640 + 3), the data receivers 9611/9711 and 9612/9712
assert log.any { it.startsWith('[INFO] wso2-ports:check: 0 errors, 0 warnings in 3 instances on 1 host') }
assert log.any { it.contains('analytics/worker on localhost: API Manager Analytics 3.2.0, offset 1') }
assert log.any { it.contains('analytics/dashboard on localhost: API Manager Analytics 3.2.0, offset 3') }
// apply sets the dashboard's offset, the value alone, and its listeners move with it
def yaml = new File(basedir, 'dist/wso2am-analytics-3.2.0/conf/dashboard/deployment.yaml').text
assert yaml.contains('  ports:\n      # port offset\n    offset: 5\n')
assert yaml.contains('      port: 9640\n')
assert log.any { it.contains('set port offset 3 -> 5 in dist/wso2am-analytics-3.2.0/conf/dashboard/deployment.yaml:10') }
assert log.any { it.contains('runtime worker: offset 1 (dist/wso2am-analytics-3.2.0/conf/worker/deployment.yaml)') }
// the third invocation reads the dashboard at its new offset: its 9640 listens on 9645
assert log.any { it.contains('analytics/dashboard on localhost: API Manager Analytics 3.2.0, offset 5') }
def json = new File(basedir, 'target/wso2-ports/ports.json').text
assert json =~ /"port" : 9645,/
