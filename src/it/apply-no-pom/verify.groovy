// The file is the original with the value alone changed: CRLF, tabs, the decoy comment and the missing
// final newline are kept byte for byte.
def original = new File(basedir, 'original-carbon.xml').bytes
def actual = new File(basedir, 'repository/conf/carbon.xml').bytes
def expected = new String(original, 'ISO-8859-1').replace('<Offset>0</Offset>', '<Offset>3</Offset>').getBytes('ISO-8859-1')
assert actual == expected
assert new String(actual, 'ISO-8859-1').contains('\r\n')
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] apply-no-pom: set port offset 0 -> 3 in repository/conf/carbon.xml:11 (<Offset> 0 -> 3)')
assert log.contains('standalone-pom')
// for .ci/maven-matrix.sh: which Maven ran the ITs
new File(basedir, 'maven-version.txt').text = mavenVersion
true
