// The IT's build.log, every run of blanks squeezed to one space: the console aligns findings in columns
new File(basedir, 'build.log').readLines().collect { it.replaceAll(/\s+/, ' ') }
