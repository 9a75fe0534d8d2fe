package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.ImageEntry;
import io.github.wso2ports.ports.Product;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeConfig;
import io.github.wso2ports.ports.RuntimeReader;
import io.github.wso2ports.text.TextFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a compose file's services as containers: what each runs (its image, or its Dockerfile's {@code FROM}), and
 * for a WSO2 image the runtime it starts, read from the files the service mounts or copies in over the image's own
 * (the catalog's defaults and the offset WSO2 ships it with). A service whose image is not WSO2's is kept, not
 * modelled, with the ports it publishes.
 */
public final class ComposeReader {

    /** The services read, and the problems that kept others from being read (each a build error). */
    public record Result(List<Service> services, List<Wso2PortsException> errors) {
    }

    /**
     * A service of a compose file as the check sees it.
     *
     * @param file        the compose file as messages show it
     * @param image       the image it runs as written ({@code wso2/wso2am:2.6.0}), or null when it cannot be told
     * @param config      its runtime's offset and ports; null when it is not modelled
     * @param notModelled why it is not modelled; null when it is
     */
    public record Service(String file, ComposeFile.Service service, String image, RuntimeConfig config,
            String notModelled) {

        public String name() {
            return service.name();
        }
    }

    private ComposeReader() {
    }

    /**
     * @param display how a host path is shown in messages
     * @param record  notes every file-system fact the reading relies on, or null
     */
    public static Result read(Path file, String shown, Catalog catalog, Function<Path, String> display,
            InputRecord record) {
        ComposeFile compose = ComposeFile.parse(text(file, Location.of(shown), "Fix -Dwso2-ports.compose "
                + "(or <composeFiles>)", record));
        Path folder = file.toAbsolutePath().normalize().getParent();
        List<Service> services = new ArrayList<>();
        List<Wso2PortsException> errors = new ArrayList<>();
        for (ComposeFile.Service s : compose.services()) {
            try {
                services.add(service(shown, s, folder, catalog, display, record));
            } catch (Wso2PortsException e) {
                errors.add(new Wso2PortsException(e.location(), "service " + s.name() + ": " + e.getMessage(), e.fix(),
                        e));
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                Wso2PortsException p = Unexpected.problem(e, s.location());
                errors.add(new Wso2PortsException(p.location(), "service " + s.name() + ": " + p.getMessage(), p.fix(),
                        e));
            } finally {
                Unexpected.doneReading();
            }
        }
        return new Result(services, errors);
    }

    private static Service service(String shown, ComposeFile.Service s, Path folder, Catalog catalog,
            Function<Path, String> display, InputRecord record) {
        Dockerfile dockerfile = null;
        Path context = null;
        String image = s.image();
        if (s.build() != null) {
            context = folder.resolve(s.build().context()).normalize();
            Path path = context.resolve(s.build().dockerfile()).normalize();
            dockerfile = Dockerfile.parse(text(path, Location.of(display.apply(path)), "Fix the build: at "
                    + s.build().location() + ", or put the Dockerfile there", record));
            image = dockerfile.image();
        }
        if (image == null) {
            return new Service(shown, s, null, null, s.build() != null
                    ? "its Dockerfile's FROM names no image that can be told (a build argument without a default)"
                    : "it names no image");
        }
        ImageRef ref = ImageRef.parse(image);
        Wso2Image wso2 = Wso2Image.of(ref, catalog).orElse(null);
        if (Interpolation.unresolved(ref.repository()) || wso2 != null && Interpolation.unresolved(ref.tag())) {
            // the environment it runs in is not the build's: never guess which product or release it is
            throw new Wso2PortsException(s.location(), "its image " + image + " depends on a variable without a "
                    + "default, so which WSO2 product and release it runs cannot be told", "Give the variable a default "
                    + "in the compose file (${TAG:-4.3.0}) or write the image");
        }
        if (wso2 == null) {
            return new Service(shown, s, image, null, "not a WSO2 image (" + image + ")");
        }
        ImageEntry entry = catalog.image(ref.repository()).orElseThrow();
        ImageEntry.Layout layout = entry.layout(wso2.version());
        if (layout == null) {
            return new Service(shown, s, image, null, "the catalog knows no layout of " + wso2.product().name() + " "
                    + wso2.version() + " images (" + image + ")");
        }
        DistributionSource files = ContainerFiles.of(s, folder, dockerfile, context, catalog.containers(), display,
                record);
        String runtimeName = wso2.runtime() == null ? ProductRuntime.DEFAULT_NAME : wso2.runtime();
        Product product = wso2.product();
        String release = product.name() + " " + (wso2.version() == null ? "(newest)" : wso2.version());
        Product.RuntimeSpec spec = product.runtime(wso2.runtime(), wso2.version());
        int shipped = product.shippedOffset(wso2.runtime(), wso2.version());
        String why = layout.format() == OffsetFormat.DEPLOYMENT_TOML
                ? release + "'s default when deployment.toml sets none"
                : "the offset " + release + " ships in " + layout.offsetFile() + ", which " + s.name() + " is not given ("
                        + image + ")";
        ProductRuntime runtime = new ProductRuntime(runtimeName, RuntimeRole.PRIMARY, layout.confDir(),
                layout.offsetFile(), layout.format(), shipped, why);
        Distribution d = new Distribution(files, Layout.CONTAINER, List.of(runtime));
        ProductDetector.Detected detected = new ProductDetector.Detected(product, wso2.version(), "image " + image);
        StartArgs.Shipped shippedArgs = spec == null || spec.startArgs() == null ? null
                : new StartArgs.Shipped(spec.startScript(), spec.startArgs());
        StartArgs args = StartArgs.read(files, runtime, catalog.mainClasses(), shippedArgs, null, null);
        RuntimeConfig config = RuntimeReader.read(d, runtime, detected, catalog, args);
        return new Service(shown, s, image, config, null);
    }

    /** A file the compose reading needs, read whole; the record notes its content. */
    private static TextFile text(Path file, Location where, String fix, InputRecord record) {
        return TextFile.utf8(where, InputRecord.read(file, where, fix, fix, record));
    }
}
