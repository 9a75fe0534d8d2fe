def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[INFO] am on localhost: API Manager 4.7.0, offset 2 (dist/wso2am-4.7.0/repository/conf/deployment.toml:3), 15 ports')
assert log.contains('[INFO] dist/wso2am-4.7.0/repository/conf/carbon.xml:130 says offset 0, but it is generated from '
        + 'deployment.toml at the next start: the toml\'s 2 is used')
// the literal URLs of [[apim.gateway.environment]] do not follow the offset (wso2/docs-apim#5403)
assert log.contains('[ERROR] localhost tcp/9099 link: am (WebSocket URL the gateway environment advertises '
        + 'ws://localhost:9099, dist/wso2am-4.7.0/repository/conf/deployment.toml:66) <-> am (WebSocket gateway '
        + '(inbound endpoint) on 9101, catalog default): points at tcp/9099, where nothing in the estate listens; '
        + 'it should point at 9101 (am)')
assert log.any { it.startsWith('[ERROR] wso2-ports:check: 4 errors, 0 warnings (link 4) in 1 instance on 1 host') }
