package io.github.wso2ports.testing;

import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sample distribution folder built by a test. */
public final class Dist {

    private final Path home;

    private Dist(Path home) {
        this.home = home;
    }

    public static Dist at(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dist(home);
    }

    public Dist file(String relative, String text) {
        Trees.write(home.resolve(relative), text);
        return this;
    }

    public Dist bytes(String relative, byte[] bytes) {
        Trees.write(home.resolve(relative), bytes);
        return this;
    }

    public Path home() {
        return home;
    }

    public Path path(String relative) {
        return home.resolve(relative);
    }

    public byte[] read(String relative) {
        try {
            return Files.readAllBytes(home.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String relative) {
        return new String(read(relative), StandardCharsets.UTF_8);
    }

    public Distribution detect() {
        return LayoutDetector.detect(new FolderSource(home, ""));
    }
}
