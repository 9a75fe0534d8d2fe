evaluate(new File(itLib, 'fixtures.groovy'))
copyCorpus('wso2am-3.2.0', 'dist/wso2am-3.2.0')
true // a pre-build hook must return true (or nothing)
