import groovy.json.JsonSlurper

// every module checked its own instance, with its own reports and properties, in a parallel build
def log = new File(basedir, 'build.log').text
assert !log.contains('not marked as thread-safe')
assert log.contains('BUILD SUCCESS')
['apim': 'wso2am', 'is': 'wso2is', 'ei': 'wso2ei', 'mi': 'wso2mi'].each { module, product ->
    def json = new JsonSlurper().parse(new File(basedir, "${module}/target/wso2-ports/ports.json"))
    assert json.instances.every { it.product == product } : module
    assert json.instances[0].id.startsWith(module)
}
true
