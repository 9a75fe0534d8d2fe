// The same findings as from the folders, located inside the archives; nothing is unpacked.
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[ERROR] localhost tcp/9443 clash: node1/integrator (HTTPS servlet transport (management console), '
        + 'dist/node1/wso2ei-6.1.1.zip!/conf/tomcat/catalina-server.xml:54) <-> node2/integrator (HTTPS servlet transport (management '
        + 'console), catalog default: no dist/node2/wso2ei-6.1.1.zip!/conf/tomcat/catalina-server.xml)')
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 33 errors, 0 warnings (clash 33) in 6 instances on 1 host') }
assert new File(basedir, 'dist/node1').list() as List == ['wso2ei-6.1.1.zip']
