package io.github.wso2ports.check;

import io.github.wso2ports.Port;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything besides the files that decides a check, worked out once from the goal's settings: the instances, the
 * reserved ports, what counts as a problem, how the result is shown and where it is written. Values are kept as the
 * user gave them; {@link EstateCheck} parses them, so a bad one is reported with the others. Being a record, it is
 * its own cache key: a setting added here is part of the key without anyone listing it.
 *
 * @param instances         the instances, in the order they were given
 * @param composeFiles      the docker-compose files whose services are part of the estate, in the order given
 * @param composeHost       the host the compose files' services publish their ports on
 * @param pom               the pom as messages show it, for errors about its settings ({@code pom.xml <instances>})
 * @param reservedPorts     the reserved ports as configured
 * @param reservedPortsFile the shared reserved-ports file, or null
 * @param reservedProducts  the products whose catalog ports are reserved
 * @param ephemeralPorts    the OS ephemeral range, {@code FROM-TO}
 * @param severities        severity per finding kind, as given (kind label to error, warning, info or ignore)
 * @param links             the links that say which instance a URL points at
 * @param suppressionsFile  the file of accepted findings, or null
 * @param failOnClash       false turns errors into warnings
 * @param failOnWarning     warnings fail the build too
 * @param verbose           print every instance's port table
 * @param reports           where the report files go, or null for none
 * @param exportProperties  publish the effective ports as project properties
 * @param nextStep          what the failure line suggests running when instances clash, or "" for nothing
 */
public record CheckRequest(List<EstateReader.InstanceSpec> instances, List<InputFile> composeFiles, String composeHost,
        String pom, List<Reserved> reservedPorts,
        InputFile reservedPortsFile, List<ReservedProduct> reservedProducts, String ephemeralPorts,
        Map<String, String> severities, List<LinkGiven> links, InputFile suppressionsFile, boolean failOnClash,
        boolean failOnWarning, boolean verbose, InputFile reports, boolean exportProperties, String nextStep) {

    public CheckRequest {
        instances = List.copyOf(instances);
        composeFiles = List.copyOf(composeFiles);
        reservedPorts = List.copyOf(reservedPorts);
        reservedProducts = List.copyOf(reservedProducts);
        severities = Collections.unmodifiableSortedMap(new TreeMap<>(severities == null ? Map.of() : severities));
        links = List.copyOf(links);
    }

    /** A request for these instances with every other setting at its default. */
    public static CheckRequest of(List<EstateReader.InstanceSpec> instances, String pom) {
        return new CheckRequest(instances, List.of(), "localhost", pom, List.of(), null, List.of(),
                Port.EPHEMERAL_DEFAULT, null, List.of(), null, true, false, false, null, false, "");
    }

    /** This estate, with the settings of what fails, what is shown and where the reports go. */
    public CheckRequest withCheck(InputFile suppressionsFile, boolean failOnClash, boolean failOnWarning,
            boolean verbose, InputFile reports, boolean exportProperties, String nextStep) {
        return new CheckRequest(instances, composeFiles, composeHost, pom, reservedPorts, reservedPortsFile,
                reservedProducts, ephemeralPorts, severities, links, suppressionsFile, failOnClash, failOnWarning,
                verbose, reports, exportProperties, nextStep);
    }

    /** A file the user named, with how messages show it and how its setting is called ({@code <suppressionsFile>}). */
    public record InputFile(Path path, String shown, String setting) {
    }

    /** A {@code <reservedPort>}: a port or range, tcp or udp, a host or every host, a reason; each may be null. */
    public record Reserved(String port, String protocol, String host, String reason) {
    }

    /** A {@code <reservedProduct>}: a catalog product (and version), a runtime, an offset and a host; may be null. */
    public record ReservedProduct(String product, String runtime, String offset, String host) {
    }

    /** A {@code <link>}: the instance a URL of another instance points at; each part may be missing. */
    public record LinkGiven(String from, String url, String to) {
    }
}
