def log = evaluate(new File(itLib, 'squeezed-log.groovy'))
assert log.contains('[ERROR] localhost offset: is dist/wso2is-5.7.0/repository/conf/carbon.xml:127: '
        + 'planned at offset 1, but the files say 0; fix: mvn wso2-ports:apply -Dwso2-ports.instance=is')
