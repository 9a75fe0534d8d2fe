package io.github.wso2ports.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build (process-classes): checks catalog.toml's own consistency (every reference, number and XPath) and
 * writes the same tree as JSON next to it in the classes folder, which {@link Catalog#builtIn()} loads. A broken
 * catalog fails the build here, naming the entry at fault.
 */
public final class CatalogCompiler {

    private CatalogCompiler() {
    }

    /** @param args the catalog.toml to read and the catalog.json to write */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CatalogCompiler CATALOG.toml CATALOG.json");
        }
        String toml = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        CatalogData data = CatalogData.fromToml(toml);
        Catalog.parse(data, true);
        Path json = Path.of(args[1]);
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, data.toJson(), StandardCharsets.UTF_8);
    }
}
