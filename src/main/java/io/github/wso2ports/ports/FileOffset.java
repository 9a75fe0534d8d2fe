package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.config.Carbon5Yaml;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.xml.XmlDocument;

/**
 * A runtime's port offset as its files give it, worked out here for check and apply alike: carbon.xml's
 * {@code <Offset>} in Carbon 4; {@code [server] offset} in a config-mapper product's deployment.toml, or the product's
 * default when it sets none, unless no toml decides (then the generated carbon.xml does); a Carbon 5 runtime's YAML
 * offset, 0 when it sets none. Apply, which edits the document it reads, calls each form's {@code read} on it. Start
 * arguments that beat the files are the check's concern ({@link RuntimeReader}).
 */
public sealed interface FileOffset permits FileOffset.InCarbonXml, FileOffset.InToml, FileOffset.InYaml,
        FileOffset.Shipped {

    /** The offset; null when deployment.toml takes it from the environment ({@link InToml#isEnvironmentReference}). */
    Integer value();

    /** Where it is written; null when the file sets none and a default applies. */
    Location location();

    /** Where it comes from, as a person reads it. */
    String source();

    /** The offset of a runtime, read where the runtime reads it. */
    static FileOffset read(RuntimeFiles files, Product product) {
        ProductRuntime runtime = files.runtime();
        if (files.inContainer() && runtime.format() != OffsetFormat.DEPLOYMENT_TOML
                && !files.source().isFile(runtime.offsetFile())) {
            // the image's own file, which the container is not given: the offset the image ships
            return new Shipped(runtime.defaultOffset(), runtime.defaultSource());
        }
        return switch (runtime.format()) {
            case CARBON_XML -> InCarbonXml.read(files.xml(runtime.offsetFile()));
            case DEPLOYMENT_TOML -> files.toml() == null ? InCarbonXml.read(files.xml(runtime.conf("carbon.xml")))
                    : InToml.read(files.toml(), product.defaultOffset(runtime), files.inContainer()
                            ? Location.of(files.shown(runtime.offsetFile())) : files.location(runtime.offsetFile()));
            case DEPLOYMENT_YAML, CARBON_YML -> InYaml.read(files.yaml(runtime.offsetFile()), runtime.format(),
                    files.location(runtime.offsetFile()));
        };
    }

    /** carbon.xml's {@code <Offset>}, as Carbon reads it. */
    record InCarbonXml(CarbonXml.Offset written) implements FileOffset {

        public static InCarbonXml read(XmlDocument carbonXml) {
            return new InCarbonXml(CarbonXml.offset(carbonXml));
        }

        @Override
        public Integer value() {
            return written.value();
        }

        @Override
        public Location location() {
            return written.location();
        }

        @Override
        public String source() {
            return written.location().toString();
        }
    }

    /**
     * deployment.toml's {@code [server] offset}.
     *
     * @param written   the offset as written; null when the file sets none
     * @param byDefault what the runtime runs at when the file sets none
     * @param file      where deployment.toml is
     */
    record InToml(DeploymentToml.Offset written, Integer value, Product.DefaultOffset byDefault, Location file)
            implements FileOffset {

        public static InToml read(DeploymentToml toml, Product.DefaultOffset byDefault, Location file) {
            DeploymentToml.Offset written = toml.offset();
            boolean reference = written != null && written.isString()
                    && OffsetValue.isEnvironmentReference(written.raw());
            return new InToml(written, reference ? null : toml.effectiveOffset(byDefault.value()), byDefault, file);
        }

        /** True when the offset is {@code $env{...}} or {@code $sys{...}}, known only when the runtime starts. */
        public boolean isEnvironmentReference() {
            return value == null;
        }

        @Override
        public Location location() {
            return written == null ? null : written.location();
        }

        @Override
        public String source() {
            return written == null ? file + " sets no offset: " + byDefault.source() : written.location().toString();
        }
    }

    /**
     * A Carbon 5 runtime's offset in its deployment.yaml or carbon.yml; Carbon's default 0 when it sets none.
     *
     * @param span where its value is written, for an edit; null when it is not, or not as a plain or quoted scalar
     */
    record InYaml(Integer value, Location location, YamlDocument.Span span, String source) implements FileOffset {

        public static InYaml read(YamlDocument doc, OffsetFormat format, Location file) {
            Carbon5Yaml.Offset o = Carbon5Yaml.offset(doc, format, file);
            return new InYaml(o.value(), o.location(), o.span(), o.location() != null ? o.location().toString()
                    : file + " sets no " + Carbon5Yaml.key(format) + ": Carbon 5's default 0");
        }
    }

    /** A container's offset file that is not mounted: the image's own, at the offset WSO2 ships it with. */
    record Shipped(Integer value, String source) implements FileOffset {

        @Override
        public Location location() {
            return null;
        }
    }
}
