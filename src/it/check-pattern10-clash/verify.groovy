// 9443 is named with both instances and their files; every runtime of each node is an instance of its own.
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[ERROR] localhost tcp/9443 clash: node1/integrator dist/node1/wso2ei-6.1.1/conf/tomcat/catalina-server.xml:54 '
        + '<-> node2/integrator dist/node2/wso2ei-6.1.1/conf/tomcat/catalina-server.xml (default)')
assert log.contains('[ERROR] localhost tcp/8280 clash: node1/integrator dist/node1/wso2ei-6.1.1/conf/axis2/axis2.xml:244 '
        + '<-> node2/integrator dist/node2/wso2ei-6.1.1/conf/axis2/axis2.xml:244')
assert log.contains('[INFO] node1/broker on localhost: Enterprise Integrator 6.1.1, offset 3 '
        + '(dist/node1/wso2ei-6.1.1/wso2/broker/conf/carbon.xml:127), 10 ports')
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 27 errors, 0 warnings (clash 27) in 6 instances on 1 host') }
assert log.any { it.startsWith('[ERROR] Failed to execute goal') && it.contains('wso2-ports:check: 27 errors') }
assert !log.any { it.startsWith('\tat ') }
