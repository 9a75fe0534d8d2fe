// One line is added under [server]; nothing else moves.
def toml = new File(basedir, 'dist/wso2is-5.11.0/repository/conf/deployment.toml').readLines()
assert toml[1] == '[server]'
assert toml[2] == 'offset = 1'
assert toml[3] == 'hostname = "localhost"'
assert toml.count { it.contains('offset') } == 2
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] wso2is-5.11.0: set port offset 0 -> 1 in dist/wso2is-5.11.0/repository/conf/deployment.toml:3 (added offset = 1 under [server])')
