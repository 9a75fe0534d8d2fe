package io.github.wso2ports.hostile;

import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.ports.Catalog;

import java.nio.file.Path;
import java.util.List;

/** Reads one distribution as check does and prints each error's one-line description: run in a JVM of its own. */
public final class ReadEstate {

    private ReadEstate() {
    }

    public static void main(String[] args) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("x", Path.of(args[0]), "home",
                "localhost", null, null, null, "apply")), Catalog.builtIn());
        r.errors().forEach(e -> System.out.println(e.describe()));
        System.out.println("instances " + r.instances().size());
    }
}
