package io.github.wso2ports.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shared corpus of real WSO2 config files ({@code ../shared/corpus}, or {@code -Dwso2ports.corpus=DIR}): config
 * files of real WSO2 distributions and deployments, with their provenance in its MANIFEST.tsv. It is never copied into
 * this repository, so a clone without it still builds: the tests that need it are skipped (reported as skipped, never
 * as passed), and one line says why and how to point at a corpus. {@code -Dwso2ports.corpus=skip} skips them on
 * purpose.
 */
public final class Corpus {

    /**
     * Folders of the corpus that are not distributions this plugin can read, each with (part of) the reason it
     * must give: Puppet templates, and folders that hold neither a carbon.xml nor a deployment.toml.
     */
    public static final Map<String, String> NOT_DISTRIBUTIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("wso2am-2.1.0_puppet-apim-wso2am_runtime", "templates (repository/conf/carbon.xml.erb)"),
            Map.entry("wso2am-2.6.0_puppet-apim", "templates (repository/conf/carbon.xml.erb)"),
            Map.entry("wso2am-4.3.0_puppet-apim", "templates (repository/conf/deployment.toml.erb)"),
            Map.entry("wso2am-universal-gw-4.3.0_puppet-apim", "templates (repository/conf/deployment.toml.erb)"),
            Map.entry("wso2ei-6.1.1_puppet-ei", "templates (conf/carbon.xml.erb)"),
            Map.entry("wso2as-5.3.0", "not a WSO2 distribution this plugin knows"),
            Map.entry("wso2bps-3.6.0", "not a WSO2 distribution this plugin knows"),
            Map.entry("wso2esb-4.9.0", "not a WSO2 distribution this plugin knows"),
            Map.entry("wso2mb-3.2.0", "not a WSO2 distribution this plugin knows"),
            Map.entry("wso2ml-1.2.0", "not a WSO2 distribution this plugin knows"),
            Map.entry("wso2ss-1.5.0", "not a WSO2 distribution this plugin knows")));

    private Corpus() {
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

    public static Path root() {
        String configured = System.getProperty("wso2ports.corpus", "../shared/corpus");
        Assumptions.assumeFalse("skip".equals(configured), "corpus tests skipped (-Dwso2ports.corpus=skip)");
        Path root = Paths.get(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("files"))) {
            String why = "no WSO2 config corpus at " + root + ": the tests that need real WSO2 files are skipped; "
                    + "point -Dwso2ports.corpus=DIR at a corpus (a folder with files/<distribution>/..., "
                    + "see CONTRIBUTING.md)";
            if (SAID.compareAndSet(false, true)) {
                System.err.println("[wso2-ports tests] " + why);
            }
            Assumptions.abort(why);
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
