// Shared by the ITs' selector.groovy: true when the WSO2 config corpus is there (../shared/corpus, or
// -Dwso2ports.corpus=DIR); else the IT is skipped, and the first one says why, once.
boolean there = new File(corpus, 'files').isDirectory()
if (!there && System.getProperty('wso2ports.noCorpusSaid') == null) {
    System.setProperty('wso2ports.noCorpusSaid', 'true')
    System.err.println "[wso2-ports ITs] no WSO2 config corpus at ${corpus}: the ITs that need real WSO2 files are skipped; " +
            'point -Dwso2ports.corpus=DIR at a corpus (see CONTRIBUTING.md, Building and testing)'
}
there
