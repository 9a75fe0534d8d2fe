def page = new File(basedir, 'target/site/wso2-ports.html')
assert page.isFile()
def html = page.text
assert html.contains('WSO2 ports')
assert html.contains('Host localhost')
// the port map, inline
assert html.contains('Port map') && html.contains('<svg') && html.contains('(clash)')
assert html.contains('localhost tcp/9443 clash: apim')
assert html.contains('dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:54')
// the same reports as check, beside the site
assert new File(basedir, 'target/wso2-ports/ports.json').isFile()
