package io.github.wso2ports.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real WSO2 config files ({@code ../shared/corpus}, or {@code -Dwso2ports.corpus=DIR}).
 * It is never copied into this repository. When it is missing, tests that need it fail and say so, unless
 * {@code -Dwso2ports.corpus=skip} asks to skip them (reported as skipped, never as passed).
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("wso2ports.corpus", "../shared/corpus");
        Assumptions.assumeFalse("skip".equals(configured), "corpus tests skipped (-Dwso2ports.corpus=skip)");
        Path root = Paths.get(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("files"))) {
            Assertions.fail("The WSO2 config corpus is not at " + root + " (expected " + root.resolve("files")
                    + "). Put it there, point -Dwso2ports.corpus=DIR at it, or run with -Dwso2ports.corpus=skip "
                    + "to skip the tests that need it.");
        }
        return root;
    }

    public static Path files() {
        return root().resolve("files");
    }

    /** Every distribution folder of the corpus, sorted by name. */
    public static List<Path> distributions() {
        try (Stream<Path> s = Files.list(files())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a corpus distribution in {@code target}, so tests can change it. */
    public static Path copy(String distribution, Path target) {
        return Trees.copy(files().resolve(distribution), target.resolve(distribution));
    }
}
