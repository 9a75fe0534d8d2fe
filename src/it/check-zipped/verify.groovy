// The same findings as from the folders, located inside the archives; nothing is unpacked.
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[ERROR] localhost tcp/9443 clash: node1/integrator dist/node1/wso2ei-6.1.1.zip!/conf/tomcat/catalina-server.xml:54 '
        + '<-> node2/integrator dist/node2/wso2ei-6.1.1.zip!/conf/tomcat/catalina-server.xml (default)')
assert log.contains('[ERROR] app2 tcp/9443 clash: apim dist/wso2am-2.6.0.zip!/repository/conf/tomcat/catalina-server.xml:54 '
        + '<-> is dist/wso2is-5.7.0.zip!/repository/conf/tomcat/catalina-server.xml (default)')
assert log.contains('[ERROR] app2 offset: is dist/wso2is-5.7.0.zip!/repository/conf/carbon.xml:127: '
        + 'planned at offset 1, but the files say 0; fix: mvn wso2-ports:apply -Dwso2-ports.instance=is')
// the same 33 clashes as the folders on localhost, the same 5 as the folders on app2, and the offset
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 33 errors, 0 warnings (clash 32, offset 1) in 8 instances on 2 hosts') }
assert new File(basedir, 'dist/node1').list() as List == ['wso2ei-6.1.1.zip']
assert !new File(basedir, 'dist/wso2am-2.6.0').exists()
