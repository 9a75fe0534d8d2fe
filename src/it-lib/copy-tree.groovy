// Shared by the ITs' setup scripts: a closure that copies a folder tree (src, dst: java.nio.file.Path), making the
// copies writable (the corpus is read-only; a copy is the IT's to change). Returns dst.
import java.nio.file.Files
import java.nio.file.Path

return { Path src, Path dst ->
    Files.walk(src).sorted().forEach { p ->
        Path d = dst.resolve(src.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(d)
        } else {
            Files.copy(p, d)
            d.toFile().setWritable(true, true)
        }
    }
    dst
}
