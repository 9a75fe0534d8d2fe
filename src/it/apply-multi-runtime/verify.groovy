// Only the broker's carbon.xml changes; the log names it and lists the other runtimes with their offsets.
def offset = { path -> (new File(basedir, path).text =~ /<Offset>(\d+)<\/Offset>/)[1][1] }
assert offset('wso2/broker/conf/carbon.xml') == '4'
assert offset('conf/carbon.xml') == '0'
assert offset('wso2/analytics/conf/carbon.xml') == '1'
assert offset('wso2/business-process/conf/carbon.xml') == '2'
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] apply-multi-runtime runtime broker: set port offset 3 -> 4 in wso2/broker/conf/carbon.xml:11 (<Offset> 3 -> 4)')
assert log.contains('[INFO]     runtime integrator: offset 0 (conf/carbon.xml)')
assert log.contains('[INFO]     runtime analytics: offset 1 (wso2/analytics/conf/carbon.xml)')
assert log.contains('[INFO]     runtime business-process: offset 2 (wso2/business-process/conf/carbon.xml)')
