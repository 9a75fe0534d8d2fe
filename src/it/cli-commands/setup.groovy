// a copy of the shared-host example's distributions (a host folder of three), and of the compose example
import java.nio.file.Paths

def copyTree = evaluate(new File(itLib, 'copy-tree.groovy'))
copyTree(Paths.get(examples, 'shared-host', 'dist'), basedir.toPath().resolve('dist'))
copyTree(Paths.get(examples, 'compose-estate'), basedir.toPath().resolve('compose'))
true // a pre-build hook must return true (or nothing)
