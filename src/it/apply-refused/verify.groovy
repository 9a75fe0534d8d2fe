// An offset that would push a port past 65535 fails the build, names the port and its file, and writes nothing.
def file = new File(basedir, 'repository/conf/carbon.xml')
assert file.text.contains('<Offset>0</Offset>')
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[ERROR] repository/conf/carbon.xml:14: offset 60000 would move JMX RMI server 11111 to 71111, '
        + 'beyond 65535 (and 3 more ports). The largest offset this runtime takes is 54424')
assert log.any { it.startsWith('[ERROR] Failed to execute goal') && it.contains('wso2-ports:apply refused 1 of 1 distribution; nothing was written') }
assert !log.any { it.startsWith('\tat ') || it.contains('Exception:') }
