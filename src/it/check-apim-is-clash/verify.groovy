def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
// a clash line names the port, both owners and their files and lines (what listens there is in the reports)
assert log.contains('[ERROR] localhost tcp/9443 clash: apim dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:54 '
        + '<-> is dist/wso2is-5.7.0/repository/conf/tomcat/catalina-server.xml (default)')
assert log.contains('[ERROR] localhost tcp/9999 clash: apim dist/wso2am-2.6.0/repository/conf/carbon.xml:132 '
        + '<-> is dist/wso2is-5.7.0/repository/conf/carbon.xml:132')
assert log.every { !it.contains(' clash: ') || !it.contains('servlet transport') }
// and the summary says what to run next
assert log.contains('[ERROR] wso2-ports:check: 5 errors, 0 warnings (clash 5) in 2 instances on 1 host; to separate them, '
        + 'run mvn wso2-ports:plan: it prints the <offset> of each instance to put in the pom (-Dwso2-ports.write writes '
        + 'them into the distributions)')
