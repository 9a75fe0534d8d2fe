evaluate(new File(itLib, 'fixtures.groovy'))
copyCorpus('wso2am-4.2.0', 'dist/wso2am-4.2.0')
copyCorpus('wso2mi-4.3.0', 'dist/wso2mi-4.3.0')
true // a pre-build hook must return true (or nothing)
