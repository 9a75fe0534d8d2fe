evaluate(new File(itLib, 'fixtures.groovy'))
copyCompose('docker-ei_integrator-broker-bps-analytics', 'deploy')
true // a pre-build hook must return true (or nothing)
