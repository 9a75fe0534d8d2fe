evaluate(new File(itLib, 'fixtures.groovy'))
def am = copyCorpus('wso2am-4.7.0', 'dist/wso2am-4.7.0').resolve('repository/conf/deployment.toml').toFile()
// the key manager URL, written for the docs' "IS at offset 1"
am.text = am.text.replaceFirst(/(?m)^#service_url = "https:\/\/localhost:\$\{mgt.transport.https.port\}\/services\/"$/,
        'service_url = "https://localhost:9444/services/"')
def is = copyCorpus('wso2is-7.3.0', 'dist/wso2is-7.3.0').resolve('repository/conf/deployment.toml').toFile()
// IS really runs at offset 2, its HTTPS port declared in its toml
is.text = is.text.replaceFirst(/(?m)^\[server\]$/, '[server]\noffset = 2') + '\n[transport.https.properties]\nport = 9443\n'
assert am.text.contains('service_url = "https://localhost:9444/services/"')
true // a pre-build hook must return true (or nothing)
