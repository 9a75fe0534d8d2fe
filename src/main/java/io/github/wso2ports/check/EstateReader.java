package io.github.wso2ports.check;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.distribution.ZipSource;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads every configured instance: opens its home (a folder, or a zip read in place), finds its layout, product
 * and runtimes, and reads each runtime's offset and ports. A multi-runtime distribution without a chosen runtime
 * contributes each of its runtimes (never IoT's alternative profiles) as an instance of its own.
 */
public final class EstateReader {

    /**
     * An instance as configured.
     *
     * @param display       how its home is shown in messages
     * @param plannedOffset the planned {@code <offset>} as written, or null
     * @param applyCommand  the command that writes its planned offset
     * @param jvmArgs       the JVM arguments it is started with ({@code <jvmArgs>}), or null
     * @param jvmArgsSource how those are shown in messages
     */
    public record InstanceSpec(String id, Path home, String display, String host, String plannedOffset, String runtime,
            String product, String applyCommand, String jvmArgs, String jvmArgsSource) {

        public InstanceSpec(String id, Path home, String display, String host, String plannedOffset, String runtime,
                String product, String applyCommand) {
            this(id, home, display, host, plannedOffset, runtime, product, applyCommand, null, null);
        }
    }

    /** The instances read, and the problems that kept others from being read (each a build error). */
    public record Result(List<RuntimeInstance> instances, List<Wso2PortsException> errors) {
    }

    private EstateReader() {
    }

    public static Result read(List<InstanceSpec> specs, Catalog catalog) {
        return read(specs, catalog, null);
    }

    /** @param declaredAt where the instances are configured ({@code pom.xml <instances>}), for errors about ids */
    public static Result read(List<InstanceSpec> specs, Catalog catalog, Location declaredAt) {
        List<RuntimeInstance> instances = new ArrayList<>();
        List<Wso2PortsException> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (InstanceSpec spec : specs) {
            if (spec.id() == null || spec.id().isBlank()) {
                errors.add(new Wso2PortsException(declaredAt, "an <instance> has no <id>",
                        "Give every instance a unique id"));
                continue;
            }
            if (!ids.add(spec.id())) {
                errors.add(new Wso2PortsException(declaredAt, "two instances have the id '" + spec.id() + "'",
                        "Give every instance a unique id"));
                continue;
            }
            try {
                instances.addAll(read(spec, catalog));
            } catch (Wso2PortsException e) {
                errors.add(new Wso2PortsException(e.location(), "instance " + spec.id() + ": " + e.getMessage(),
                        e.fix(), e));
            }
        }
        return new Result(instances, errors);
    }

    private static List<RuntimeInstance> read(InstanceSpec spec, Catalog catalog) {
        Integer planned = spec.plannedOffset() == null ? null
                : OffsetValue.parseRequested(spec.plannedOffset(), "<offset>");
        DistributionSource source = open(spec.home(), spec.display());
        try {
            Distribution d = LayoutDetector.detect(source);
            ProductDetector.Detected product = ProductDetector.detect(source, catalog, spec.product());
            List<ProductRuntime> runtimes = new ArrayList<>();
            if (spec.runtime() != null && !spec.runtime().isBlank()) {
                runtimes.add(d.runtime(spec.runtime()));
            } else {
                d.runtimes().stream().filter(r -> r.role() != RuntimeRole.PROFILE).forEach(runtimes::add);
            }
            boolean expand = runtimes.size() > 1;
            List<RuntimeInstance> out = new ArrayList<>();
            for (ProductRuntime r : runtimes) {
                String id = expand ? spec.id() + "/" + r.name() : spec.id();
                Integer plan = !expand || r.role() == RuntimeRole.PRIMARY ? planned : null;
                StartArgs args = StartArgs.read(source, r.binDir(), spec.jvmArgs(), spec.jvmArgsSource());
                out.add(new RuntimeInstance(id, spec.host(), RuntimeReader.read(d, r, product, catalog, args), plan,
                        spec.applyCommand(), spec.id(), expand && r.role() != RuntimeRole.PRIMARY));
            }
            return out;
        } finally {
            if (source instanceof ZipSource zip) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // everything needed was read; closing is best effort
                }
            }
        }
    }

    private static DistributionSource open(Path home, String display) {
        String name = home.getFileName() == null ? "" : home.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(home) && name.endsWith(".zip")) {
            return ZipSource.open(home, display);
        }
        return FolderSource.open(home, display);
    }
}
