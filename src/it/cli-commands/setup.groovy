// a copy of the shared-host example's distributions: a host folder of three distributions, and the compose example
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

def copy = { Path src, Path dst ->
    Files.walk(src).sorted().forEach { p ->
        Path d = dst.resolve(src.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(d)
        } else {
            Files.copy(p, d)
        }
    }
}
copy(Paths.get(examples, 'shared-host', 'dist'), basedir.toPath().resolve('dist'))
copy(Paths.get(examples, 'compose-estate'), basedir.toPath().resolve('compose'))
true // a pre-build hook must return true (or nothing)
