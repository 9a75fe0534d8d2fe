// Not one byte changed: the three mistakes were refused before anything was read, the bare switch was a dry run.
def original = new File(basedir, 'original-carbon.xml').bytes
assert new File(basedir, 'repository/conf/carbon.xml').bytes == original
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] -Dwso2-ports.dryrun is not a setting of wso2-ports (did you mean wso2-ports.dryRun?); nothing was read or written. Fix the name')
assert log.contains("[ERROR] -Dwso2-ports.dryRun is 'yes', not true or false; nothing was read or written.")
assert log.contains('[ERROR] -Dwso2-ports.hom is not a setting of wso2-ports (did you mean wso2-ports.home?); nothing was read or written. Fix the name')
assert log.count('wso2-ports refused a mistyped setting (see above); nothing was read or written') == 3
assert !log.contains('apply-mistakes: set port offset')
assert log.contains('would set port offset 0 -> 4')
assert log.contains('Dry run (wso2-ports.dryRun): nothing was written')
assert log.contains('wso2-ports:check: 0 errors')
true
