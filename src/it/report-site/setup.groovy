evaluate(new File(itLib, 'fixtures.groovy'))
copyCorpus('wso2am-2.6.0', 'dist/wso2am-2.6.0')
copyCorpus('wso2is-5.7.0_docker-is', 'dist/wso2is-5.7.0')
true // a pre-build hook must return true (or nothing)
