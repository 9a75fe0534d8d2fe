def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[ERROR] app1 tcp/9443 reserved: is dist/wso2is-5.7.0/repository/conf/tomcat/catalina-server.xml '
        + '(default) <-> reserved: the host\'s own HTTPS admin reserved-ports.txt:3')
assert log.contains('[ERROR] app1 tcp/9999 reserved: is dist/wso2is-5.7.0/repository/conf/carbon.xml:132 '
        + '<-> reserved: monitoring agent pom.xml <reservedPorts>')
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 2 errors, 0 warnings (reserved 2) in 1 instance on 1 host') }
