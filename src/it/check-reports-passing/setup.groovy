evaluate(new File(itLib, 'fixtures.groovy'))
copyCorpus('wso2am-2.6.0', 'dist/wso2am-2.6.0')
copyCorpus('wso2ei-6.2.0_docker-ei-integrator-broker-bps-analytics', 'dist/wso2ei-6.2.0')
true // a pre-build hook must return true (or nothing)
