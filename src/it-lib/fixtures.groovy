// Shared by the ITs' setup.groovy: copies or zips real distributions from the corpus (../shared/corpus, or
// -Dwso2ports.corpus) into the IT at build time, so the repository holds none of them.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

Path corpusFiles = Paths.get(corpus, 'files')
if (!Files.isDirectory(corpusFiles)) {
    throw new IllegalStateException("The WSO2 config corpus is not at ${corpusFiles}: put it there or point -Dwso2ports.corpus=DIR at it")
}

def copyTree = evaluate(new File(itLib, 'copy-tree.groovy'))

copyCorpus = { String name, String to ->
    copyTree(corpusFiles.resolve(name), basedir.toPath().resolve(to))
}

zipCorpus = { String name, String to ->
    Path src = corpusFiles.resolve(name)
    Path zip = basedir.toPath().resolve(to)
    Files.createDirectories(zip.parent)
    String top = zip.fileName.toString().replaceFirst(/\.zip$/, '')
    new ZipOutputStream(Files.newOutputStream(zip)).withCloseable { out ->
        Files.walk(src).sorted().filter { Files.isRegularFile(it) }.forEach { p ->
            out.putNextEntry(new ZipEntry(top + '/' + src.relativize(p).toString().replace('\\', '/')))
            Files.copy(p, out)
            out.closeEntry()
        }
    }
    zip
}

// A compose project of the corpus (compose/<project>) as it runs: its docker-compose.yml in `to`, and each folder a
// service mounts next to it, from the corpus copy MOUNTS.tsv names (empty where the corpus holds none, so the
// image's own files stand)
copyCompose = { String project, String to ->
    Path src = Paths.get(corpus, 'compose', project)
    Path dst = basedir.toPath().resolve(to)
    Files.createDirectories(dst)
    Files.copy(src.resolve('docker-compose.yml'), dst.resolve('docker-compose.yml'))
    Files.readAllLines(src.resolve('MOUNTS.tsv')).drop(1).collect { it.split('\t') }.findAll { it[2] == 'volume' }.each { c ->
        Path mount = dst.resolve(c[4]).normalize()
        Files.createDirectories(mount)
        if (!c[6].startsWith('none')) {
            copyCorpus(c[6], basedir.toPath().relativize(mount).toString())
        }
    }
    dst.resolve('docker-compose.yml')
}
