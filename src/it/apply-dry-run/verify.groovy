// A dry run prints the unified diff and writes nothing.
def file = new File(basedir, 'repository/conf/carbon.xml')
assert file.text.contains('<Offset>0</Offset>')
assert !file.text.contains('<Offset>5</Offset>')
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] apply-dry-run: would set port offset 0 -> 5 in repository/conf/carbon.xml:11 (<Offset> 0 -> 5)')
assert log.contains('[INFO] --- a/repository/conf/carbon.xml')
assert log.contains('[INFO] +++ b/repository/conf/carbon.xml')
assert log.contains('[INFO] -        <Offset>0</Offset>')
assert log.contains('[INFO] +        <Offset>5</Offset>')
assert log.contains('[INFO] Dry run (wso2-ports.dryRun): nothing was written')
assert !new File(basedir, 'repository/conf').list().any { it.endsWith('.tmp') }
