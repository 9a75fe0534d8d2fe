// This IT copies a real compose project from the WSO2 config corpus: without one (a clone without ../shared) it is skipped
evaluate(new File(itLib, 'has-corpus.groovy'))
