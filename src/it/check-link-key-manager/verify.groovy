// the link names both files: the URL in API Manager's toml, and the port Identity Server really listens on
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
def line = log.find { it.startsWith('[ERROR] localhost tcp/9444 link: apim (key manager service URL https://localhost:9444') }
assert line : log.findAll { it.contains('link') }
assert line.contains('dist/wso2am-4.7.0/repository/conf/deployment.toml:')
assert line.contains('<-> km (HTTPS servlet transport (management console) on 9445, dist/wso2is-7.3.0/repository/conf/deployment.toml:')
assert line.endsWith('points at tcp/9444, where nothing in the estate listens; it should point at 9445 (km)')
true
