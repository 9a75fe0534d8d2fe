// the console aligns findings in columns: compare with blanks squeezed
def log = new File(basedir, 'build.log').readLines().collect { it.replaceAll(/\s+/, ' ') }
assert log.contains('[ERROR] localhost tcp/9443 clash: apim (HTTPS servlet transport (management console), '
        + 'dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:54) <-> is (HTTPS servlet transport (management '
        + 'console), catalog default: no dist/wso2is-5.7.0/repository/conf/tomcat/catalina-server.xml)')
assert log.contains('[ERROR] localhost tcp/9999 clash: apim (JMX RMI registry, dist/wso2am-2.6.0/repository/conf/carbon.xml:132) '
        + '<-> is (JMX RMI registry, dist/wso2is-5.7.0/repository/conf/carbon.xml:132)')
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 5 errors, 0 warnings (clash 5) in 2 instances on 1 host') }
