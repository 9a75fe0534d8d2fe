// build.log holds the three invocations in order: check (fails), plan -Dwso2-ports.write, check (passes)
def log = new File(basedir, 'build.log').readLines()
def squeezed = log.collect { it.replaceAll(/\s+/, ' ').trim() }
int firstCheck = squeezed.findIndexOf { it.startsWith('[ERROR] wso2-ports:check: ') }
int plan = squeezed.findIndexOf { it == '[INFO] Offset plan for 7 instances:' }
int secondCheck = squeezed.findLastIndexOf { it.startsWith('[INFO] wso2-ports:check: 0 errors') }
assert firstCheck >= 0 && squeezed[firstCheck].contains('clash')
assert plan > firstCheck && secondCheck > plan

// the plan: the first free instance keeps 0, EI's secondary runtimes keep their shipped offsets
assert squeezed.contains('[INFO] apim localhost 0 0 0 planned')
// EI 6.4's analytics is Carbon 5: the source-tree wso2/analytics/conf/carbon.xml of this copy is not a runtime
assert squeezed.any { it.contains("wso2/analytics/conf/carbon.xml is not read: Enterprise Integrator 6.4.0 ships no runtime 'analytics' there") }
['broker': 3, 'business-process': 2, 'micro-integrator': 10].each { runtime, offset ->
    assert squeezed.any { it.startsWith("[INFO] ei/${runtime} localhost ${offset} ${offset} 0 shipped: runtime of ei, keeps its shipped offset") }
}
def pins = squeezed.findAll { it ==~ /\[INFO\] (apim|is|ei|mi): <offset>\d+<\/offset>/ }
assert pins.size() == 4

// what it wrote is what the second check reads, and every pinned offset is in the files
def offsetOf = { id -> (squeezed.find { it ==~ /\[INFO\] ${id}: <offset>\d+<\/offset>/ } =~ /<offset>(\d+)</)[0][1] as int }
def isToml = new File(basedir, 'dist/wso2is-5.11.0/repository/conf/deployment.toml').text
def miToml = new File(basedir, 'dist/wso2mi-4.3.0/conf/deployment.toml').text
def eiCarbon = new File(basedir, 'dist/wso2ei-6.4.0/conf/carbon.xml').text
def amCarbon = new File(basedir, 'dist/wso2am-2.6.0/repository/conf/carbon.xml').text
assert isToml =~ /(?m)^offset\s*=\s*"?${offsetOf('is')}"?\s*$/
assert miToml =~ /(?m)^offset\s*=\s*"?${offsetOf('mi')}"?\s*$/
assert eiCarbon.contains("<Offset>${offsetOf('ei')}</Offset>")
assert amCarbon.contains("<Offset>${offsetOf('apim')}</Offset>")
assert squeezed[secondCheck] ==~ /\[INFO\] wso2-ports:check: 0 errors, \d+ warnings? .*in 7 instances on 1 host/
true
