evaluate(new File(itLib, 'fixtures.groovy'))
copyCorpus('wso2ei-6.1.1_docker-ei-pattern10-node1', 'dist/node1/wso2ei-6.1.1')
copyCorpus('wso2ei-6.1.1_docker-ei-pattern10-node2', 'dist/node2/wso2ei-6.1.1')
true // a pre-build hook must return true (or nothing)
