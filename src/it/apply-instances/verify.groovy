// Each instance gets its planned offset; MI's commented default line is brought back with the new value.
assert new File(basedir, 'dist/gateway/repository/conf/carbon.xml').text.contains('<Offset>2</Offset>')
def toml = new File(basedir, 'dist/mi/conf/deployment.toml').readLines()
assert toml[2] == 'offset  = 3'
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] unplanned: no planned <offset>, left as it is')
assert log.contains('[INFO] gateway: set port offset 0 -> 2 in dist/gateway/repository/conf/carbon.xml:6 (<Offset> 0 -> 2)')
assert log.contains("[INFO] mi: set port offset 10 -> 3 in dist/mi/conf/deployment.toml:3 (uncommented '# offset  = 10')")
assert log.any { it.startsWith('[INFO]   this offset replaces the default 10') && it.endsWith('listens on 8283, not 8293') }
