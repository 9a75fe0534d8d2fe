def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.count { it == '[INFO] host holds 3 distributions: wso2am-2.6.0, wso2esb-5.0.0, wso2is-5.7.0' } == 3
assert log.contains('[INFO] skipped notes/: not a WSO2 distribution this plugin knows')
// the first check names both owners of a clash, with their files
assert log.any { it ==~ /\[ERROR\] localhost tcp\/9443 clash: wso2am-2\.6\.0 .*host\/wso2am-2\.6\.0\/repository\/conf\/tomcat\/catalina-server\.xml.* <-> wso2(esb-5\.0\.0|is-5\.7\.0) .*/ }
def summaries = log.findAll { it.startsWith('[INFO] wso2-ports:check: ') || it.startsWith('[ERROR] wso2-ports:check: ') }
assert summaries.size() == 4
assert summaries[0].startsWith('[ERROR] wso2-ports:check: ') && summaries[0].contains('in 3 instances on 1 host')
assert summaries[1] == '[INFO] wso2-ports:check: 0 errors, 0 warnings in 3 instances on 1 host'
assert summaries[2].startsWith('[ERROR] wso2-ports:check: ')
assert summaries[3] == '[INFO] wso2-ports:check: 0 errors, 0 warnings in 3 instances on 1 host'
// plan wrote offsets into the distributions' own files
assert log.any { it.contains(': set port offset 0 -> ') && it.contains('host/wso2') }
assert log.any { it.contains(': set port offset 0 -> ') && (it.contains(' b/wso2is-5.7.0/') || it.contains(' c/wso2esb-5.0.0/')
        || it.contains(' a/wso2am-2.6.0/')) }
true
