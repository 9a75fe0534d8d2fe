package io.github.wso2ports.check;

import io.github.wso2ports.Location;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.CachingSource;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RecordingSource;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.distribution.ZipSource;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.Product;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeConfig;
import io.github.wso2ports.ports.RuntimeReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
        return read(specs, catalog, declaredAt, null);
    }

    /** @param record notes every file-system fact the reading relies on, or null */
    public static Result read(List<InstanceSpec> specs, Catalog catalog, Location declaredAt, InputRecord record) {
        List<Wso2PortsException> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<InstanceSpec> valid = new ArrayList<>();
        for (InstanceSpec spec : specs) {
            if (spec.id() == null || spec.id().isBlank()) {
                errors.add(new Wso2PortsException(declaredAt, "an <instance> has no <id>",
                        "Give every instance a unique id"));
            } else if (!ids.add(spec.id())) {
                errors.add(new Wso2PortsException(declaredAt, "two instances have the id '" + spec.id() + "'",
                        "Give every instance a unique id"));
            } else {
                valid.add(spec);
            }
        }
        // each distinct distribution is read once, however many instances use it, and the distributions in parallel;
        // the result keeps the order of the pom
        Set<Home> homes = new LinkedHashSet<>();
        for (InstanceSpec spec : valid) {
            homes.add(Home.of(spec));
        }
        Map<Home, Object> read = new ConcurrentHashMap<>();
        homes.parallelStream().forEach(h -> {
            try {
                read.put(h, read(h, catalog, record));
            } catch (Wso2PortsException e) {
                read.put(h, e);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                read.put(h, Unexpected.problem(e, Location.ofFolder(h.display())));
            } finally {
                Unexpected.doneReading();
            }
        });
        List<RuntimeInstance> instances = new ArrayList<>();
        for (InstanceSpec spec : valid) {
            Object outcome = read.get(Home.of(spec));
            if (outcome instanceof Wso2PortsException e) {
                errors.add(new Wso2PortsException(e.location(), "instance " + spec.id() + ": " + e.getMessage(),
                        e.fix(), e));
                continue;
            }
            try {
                instances.addAll(instances(spec, cast(outcome)));
            } catch (Wso2PortsException e) {
                errors.add(new Wso2PortsException(e.location(), "instance " + spec.id() + ": " + e.getMessage(),
                        e.fix(), e));
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                Wso2PortsException p = Unexpected.problem(e, Location.ofFolder(spec.display()));
                errors.add(new Wso2PortsException(p.location(), "instance " + spec.id() + ": " + p.getMessage(),
                        p.fix(), e));
            } finally {
                Unexpected.doneReading();
            }
        }
        return new Result(instances, errors);
    }

    @SuppressWarnings("unchecked")
    private static List<Read> cast(Object o) {
        return (List<Read>) o;
    }

    /** What decides how a distribution is read: instances that share all of it share one reading. */
    private record Home(Path home, String display, String runtime, String product, String jvmArgs,
            String jvmArgsSource) {

        static Home of(InstanceSpec s) {
            return new Home(s.home().toAbsolutePath().normalize(), s.display(),
                    s.runtime() == null || s.runtime().isBlank() ? null : s.runtime(), s.product(), s.jvmArgs(),
                    s.jvmArgs() == null ? null : s.jvmArgsSource());
        }
    }

    /** One runtime as read. */
    private record Read(ProductRuntime runtime, RuntimeConfig config) {
    }

    private static List<Read> read(Home h, Catalog catalog, InputRecord record) {
        DistributionSource opened = open(h.home(), h.display(), record);
        // each file read and parsed once, however many readers need it
        DistributionSource source = new CachingSource(opened);
        try {
            Distribution d = LayoutDetector.detect(source);
            ProductDetector.Detected product = ProductDetector.detect(source, catalog, h.product());
            List<Read> out = new ArrayList<>();
            for (RuntimeConfig c : runtimes(d, product, catalog, h.runtime(), false, h.jvmArgs(), h.jvmArgsSource())) {
                out.add(new Read(c.runtime(), c));
            }
            return out;
        } finally {
            if (opened instanceof ZipSource zip) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // everything needed was read; closing is best effort
                }
            }
        }
    }

    /**
     * The runtimes of a distribution, each read with its start arguments: the chosen one, or every runtime the
     * product's version ships (a runtime folder it does not ship, a source-tree leftover, is named in a note and not
     * read), IoT's alternative profiles only when asked.
     *
     * @param chosen   the runtime the instance names ({@code <runtime>}), or null for all
     * @param profiles true to read alternative profiles too (they never run beside the primary runtime)
     */
    public static List<RuntimeConfig> runtimes(Distribution d, ProductDetector.Detected product, Catalog catalog,
            String chosen, boolean profiles, String jvmArgs, String jvmArgsSource) {
        DistributionSource source = d.source();
        List<ProductRuntime> runtimes = new ArrayList<>();
        List<String> notShipped = new ArrayList<>();
        if (chosen != null) {
            runtimes.add(d.runtime(chosen));
        } else {
            for (ProductRuntime r : d.runtimes()) {
                if (r.role() == RuntimeRole.PROFILE && !profiles) {
                    continue; // an alternative to the primary runtime, never beside it
                }
                if (product.product().ships(r.name(), product.version())) {
                    runtimes.add(r);
                } else {
                    notShipped.add(source.location(r.offsetFile()) + " is not read: " + product.product().name() + " "
                            + product.version() + " ships no runtime '" + r.name() + "' there");
                }
            }
        }
        List<RuntimeConfig> out = new ArrayList<>();
        for (ProductRuntime r : runtimes) {
            Product.RuntimeSpec spec = product.product().runtime(r.name(), product.version());
            StartArgs.Shipped shipped = spec == null || spec.startArgs() == null ? null
                    : new StartArgs.Shipped(spec.startScript(), spec.startArgs());
            StartArgs args = StartArgs.read(source, r, catalog.mainClasses(), shipped, jvmArgs, jvmArgsSource);
            RuntimeConfig config = RuntimeReader.read(d, r, product, catalog, args);
            out.add(out.isEmpty() && !notShipped.isEmpty() ? config.withNotes(notShipped) : config);
        }
        return out;
    }

    /** The instances of one spec: one, or one per runtime of a multi-runtime distribution read without a runtime. */
    private static List<RuntimeInstance> instances(InstanceSpec spec, List<Read> runtimes) {
        Integer planned = spec.plannedOffset() == null ? null
                : OffsetValue.parseRequested(spec.plannedOffset(), "<offset>");
        boolean expand = runtimes.size() > 1;
        List<RuntimeInstance> out = new ArrayList<>();
        for (Read r : runtimes) {
            String id = expand ? spec.id() + "/" + r.runtime().name() : spec.id();
            Integer plan = !expand || r.runtime().role() == RuntimeRole.PRIMARY ? planned : null;
            out.add(new RuntimeInstance(id, spec.host(), r.config(), plan, spec.applyCommand(), spec.id(),
                    expand && r.runtime().role() != RuntimeRole.PRIMARY));
        }
        return out;
    }

    private static DistributionSource open(Path home, String display, InputRecord record) {
        String name = home.getFileName() == null ? "" : home.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean zip = Files.isRegularFile(home) && name.endsWith(".zip");
        if (record != null) {
            record.add(InputRecord.Kind.FILE, home, String.valueOf(zip || Files.isRegularFile(home)));
            record.add(InputRecord.Kind.DIRECTORY, home, String.valueOf(Files.isDirectory(home)));
        }
        if (zip) {
            if (record != null) {
                record.add(InputRecord.Kind.ARCHIVE, home, InputRecord.archive(home));
            }
            return ZipSource.open(home, display);
        }
        FolderSource folder = FolderSource.open(home, display);
        return record == null ? folder : new RecordingSource(folder, record);
    }
}
