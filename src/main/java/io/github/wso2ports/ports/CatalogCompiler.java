package io.github.wso2ports.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build (process-classes): checks catalog.toml's own consistency (every reference, number and XPath) and
 * writes the same tree in its compiled form next to it in the classes folder, which {@link Catalog#builtIn()} loads. A broken
 * catalog fails the build here, naming the entry at fault.
 */
public final class CatalogCompiler {

    private CatalogCompiler() {
    }

    /** @param args the classes folder, where catalog.toml was copied and catalog.bin is written */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogCompiler CLASSES_FOLDER");
        }
        Path classes = Path.of(args[0]);
        String toml = Files.readString(classes.resolve(Catalog.RESOURCE.substring(1)), StandardCharsets.UTF_8);
        CatalogData data = CatalogData.fromToml(toml);
        Catalog.parse(data, true);
        Files.write(classes.resolve(Catalog.COMPILED.substring(1)), data.compiled());
    }
}
