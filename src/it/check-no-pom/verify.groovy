def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[INFO] check-no-pom/integrator on localhost: Enterprise Integrator, offset 0 (conf/carbon.xml:11), 6 ports')
assert log.contains('[INFO] check-no-pom/broker on localhost: Enterprise Integrator, offset 3 (wso2/broker/conf/carbon.xml:11), 8 ports')
assert log.contains('[INFO] wso2-ports:check: 0 errors, 0 warnings in 4 instances on 1 host')
// with no pom, nothing is written into the distribution
assert !new File(basedir, 'target').exists()
