// This IT copies real distributions from the WSO2 config corpus: without one (a clone without ../shared) it is skipped
evaluate(new File(itLib, 'has-corpus.groovy'))
