// Runs the cli jar as an operator would on a server without Maven, and checks its output and exit codes.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def cli = { String... args ->
    def p = new ProcessBuilder([java, '-jar', cliJar] + args.toList()).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.getText('UTF-8')
    [p.waitFor(), out.readLines()]
}
def jar = new File(cliJar).name

// the host folder: three distributions at their shipped offsets clash; the summary says what to run next
def (code, lines) = cli('check', '--home', 'dist')
assert code == 1 : lines.join('\n')
assert lines.contains('[INFO] dist holds 3 distributions: wso2am-2.6.0, wso2ei-6.6.0, wso2is-5.11.0')
assert lines.any { it.startsWith('[ERROR] localhost tcp/9443  clash: wso2am-2.6.0 dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:6 <-> ') }
assert lines.last() == '[ERROR] wso2-ports:check: 7 errors, 0 warnings (clash 7) in 5 instances on 1 host; to separate them, run java -jar ' + jar + ' plan --home dist (add --write to write the offsets it plans)'

// plan writes offsets that separate them, and check then passes
(code, lines) = cli('plan', '--home', 'dist', '--write')
assert code == 0 : lines.join('\n')
(code, lines) = cli('check', '--home', 'dist')
assert code == 0 : lines.join('\n')
assert lines.last() == '[INFO] wso2-ports:check: 0 errors, 0 warnings in 5 instances on 1 host'

// apply: a dry run prints the diff; a mistyped option is a usage error naming the option meant
(code, lines) = cli('apply', '--home', 'dist/wso2is-5.11.0', '--offset', '7', '--dry-run')
assert code == 0 && lines.contains('[INFO] Dry run (--dry-run): nothing was written') : lines.join('\n')
(code, lines) = cli('apply', '--home', 'dist/wso2is-5.11.0', '--ofset=7')
assert code == 2
assert lines[0] == '[ERROR] --ofset is not an option of wso2-ports apply (did you mean --offset?); nothing was read or written'

// the compose example with its host's Identity Server
(code, lines) = cli('check', '--compose', 'compose/docker-compose.yml', '--home', 'compose/src/dist/wso2is-7.3.0')
assert code == 0 : lines.join('\n')
assert lines.last() == '[INFO] wso2-ports:check: 0 errors, 0 warnings in 1 instance and 3 compose services on 1 host'

// the reports, and the probe of this machine (what it finds depends on the machine; it always ends with its summary)
(code, lines) = cli('report', '--home', 'dist', '--output-directory', 'reports')
assert code == 0 && new File(basedir, 'reports/ports.json').isFile()
(code, lines) = cli('probe', '--home', 'dist')
assert code in [0, 1] && lines.last().contains('wso2-ports:probe: ') && lines.last().contains(' of 5 instances on this host') : lines.join('\n')
true
