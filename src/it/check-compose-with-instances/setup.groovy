evaluate(new File(itLib, 'fixtures.groovy'))
copyCorpus('wso2am-4.7.0', 'dist/wso2am-4.7.0')
copyCompose('docker-apim_apim-with-mi', 'compose')
// the Dockerfiles the corpus does not hold, as its MANIFEST.tsv gives their FROM
new File(basedir, 'compose/dockerfiles/apim').mkdirs()
new File(basedir, 'compose/dockerfiles/apim/Dockerfile').text = 'FROM registry.wso2.com/wso2-apim/am:4.7.0.0\n'
new File(basedir, 'compose/dockerfiles/mi').mkdirs()
new File(basedir, 'compose/dockerfiles/mi/Dockerfile').text = 'FROM registry.wso2.com/wso2-integrator/mi:4.5.0.0\n'
true // a pre-build hook must return true (or nothing)
