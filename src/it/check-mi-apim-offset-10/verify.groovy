// apply wrote API Manager's planned offset 10; check then finds it on the Micro Integrator's 8290 and 8253
def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[INFO] apim: set port offset 0 -> 10 in dist/wso2am-4.2.0/repository/conf/deployment.toml:3 (uncommented \'#offset=0\')')
assert log.any { it.startsWith('[INFO] mi on localhost: Micro Integrator 4.3.0, offset 10 (dist/wso2mi-4.3.0/conf/deployment.toml sets no offset:') }
def clash = log.find { it.startsWith('[ERROR] localhost tcp/8290 clash: ') }
assert clash != null
assert clash.contains('apim ')
assert clash.contains(' <-> mi ')
assert log.any { it.startsWith('[ERROR] localhost tcp/8253 clash: apim ') }
assert log.any { it.startsWith('[ERROR] wso2-ports:check: ') && it.contains('clash') && it.contains('in 2 instances on 1 host; to separate them') }
true
