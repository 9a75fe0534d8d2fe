evaluate(new File(itLib, 'fixtures.groovy'))
// a host's /opt/wso2: three distributions side by side, and a folder that is none
copyCorpus('wso2am-2.6.0', 'host/wso2am-2.6.0')
copyCorpus('wso2is-5.7.0_docker-is', 'host/wso2is-5.7.0')
copyCorpus('wso2esb-5.0.0', 'host/wso2esb-5.0.0')
new File(basedir, 'host/notes').mkdirs()
new File(basedir, 'host/notes/README.txt').text = 'not a distribution\n'
// the same three named one by one, from different folders
copyCorpus('wso2am-2.6.0', 'a/wso2am-2.6.0')
copyCorpus('wso2is-5.7.0_docker-is', 'b/wso2is-5.7.0')
copyCorpus('wso2esb-5.0.0', 'c/wso2esb-5.0.0')
true
