package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.text.TextFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system properties a runtime is started with that decide ports: {@code -DportOffset} (beats the files),
 * {@code -Dtomcat.http.port} / {@code -Dtomcat.https.port} (bind without the offset),
 * {@code -Dtomcat.random.port.enable} (the servlet connectors bind a port the OS picks, as EI 6.0.0 ships) and
 * {@code -DavoidConfigUpdate} (config-mapper leaves the generated files alone), {@code -DavoidConfigHashRead}
 * (config-mapper regenerates only when deployment.toml changed, as Micro Integrator's scripts ship, so hand edits to
 * generated files last until then). Read from the runtime's start scripts ({@link StartScripts}: not the tools beside
 * them), the YAJSW {@code bin/yajsw/wrapper.conf}, and the {@code <jvmArgs>} the pom gives for the instance, which win
 * because they say how the estate really starts it.
 *
 * @param windowsDropsArgs .bat start scripts that do not pass their arguments on, so a -DportOffset given on the
 *                         command line is lost (product-ei v6.0.0 bin/start-all.bat; every kernel start script
 *                         forwards them with {@code set CMD=RUN %*})
 */
public record StartArgs(Arg portOffset, Arg tomcatHttpPort, Arg tomcatHttpsPort, Arg tomcatRandomPort,
        Arg avoidConfigUpdate, Arg avoidConfigHashRead, List<Location> windowsDropsArgs) {

    /** One argument: its value and where it is given. */
    public record Arg(String value, Location location) {
    }

    public static final StartArgs NONE = new StartArgs(null, null, null, null, null, null, List.of());

    private static final Pattern PROPERTY = Pattern.compile("-D(portOffset|tomcat\\.http\\.port|tomcat\\.https\\.port"
            + "|tomcat\\.random\\.port\\.enable|avoidConfigUpdate|avoidConfigHashRead)(?:=([^\\s\"';&|]*))?");

    /**
     * The arguments a product's shipped start script passes, for a copy of a distribution without that script.
     *
     * @param script where the product ships it, relative to the home ({@code bin/integrator.sh})
     * @param args   the arguments
     */
    public record Shipped(String script, String args) {
    }

    /**
     * @param runtime     the runtime whose start scripts are read ({@link StartScripts}); the YAJSW wrapper is the
     *                    primary runtime's
     * @param mainClasses the Java main classes that start a WSO2 server (the catalog's)
     * @param jvmArgs     the instance's {@code <jvmArgs>} from the pom, or null
     * @param pomLine     how the pom is shown in messages
     */
    public static StartArgs read(DistributionSource source, ProductRuntime runtime, List<String> mainClasses,
            String jvmArgs, String pomLine) {
        return read(source, runtime, mainClasses, null, jvmArgs, pomLine);
    }

    /** @param shipped what the product's own start script passes, read when the copy has no start script; or null */
    public static StartArgs read(DistributionSource source, ProductRuntime runtime, List<String> mainClasses,
            Shipped shipped, String jvmArgs, String pomLine) {
        Builder b = new Builder();
        List<Location> drops = new ArrayList<>();
        List<String> scripts = StartScripts.of(source, runtime, mainClasses);
        if (scripts.isEmpty() && shipped != null) {
            match(shipped.args(), Location.of(source.location(shipped.script()) + " as the product ships it (not in "
                    + "this copy)"), b);
        }
        for (String path : scripts) {
            boolean bat = !path.toLowerCase(Locale.ROOT).endsWith(".sh");
            TextFile f = TextFile.utf8(source.location(path), source.read(path));
            scan(f, bat ? "bat" : "sh", b);
            if (bat && forwardsNoArgs(f)) {
                drops.add(source.location(path));
            }
        }
        String wrapper = "bin/yajsw/wrapper.conf";
        if (runtime.role() == RuntimeRole.PRIMARY && runtime.binDir().equals("bin") && source.isFile(wrapper)) {
            scan(TextFile.utf8(source.location(wrapper), source.read(wrapper)), "properties", b);
        }
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            Builder pom = new Builder();
            match(jvmArgs, Location.of(pomLine), pom);
            b.overrideWith(pom);
        }
        return new StartArgs(b.portOffset, b.http, b.https, b.random, b.avoid, b.hashRead, List.copyOf(drops));
    }

    private static void scan(TextFile f, String style, Builder b) {
        for (int line = 1; line <= f.lineCount(); line++) {
            String text = f.text().substring(f.lineStart(line), f.lineEnd(line));
            String t = text.strip().toLowerCase(Locale.ROOT);
            boolean comment = t.startsWith("#") || (style.equals("bat") && (t.startsWith("rem ") || t.startsWith("::")));
            if (!comment) {
                match(text, f.location().atLine(line), b);
            }
        }
    }

    private static void match(String text, Location at, Builder b) {
        Matcher m = PROPERTY.matcher(text);
        while (m.find()) {
            String value = m.group(2) == null ? "true" : m.group(2);
            Arg arg = new Arg(value, at);
            switch (m.group(1)) {
                case "portOffset" -> b.portOffset = b.portOffset == null ? arg : b.portOffset;
                case "tomcat.http.port" -> b.http = b.http == null ? arg : b.http;
                case "tomcat.https.port" -> b.https = b.https == null ? arg : b.https;
                case "tomcat.random.port.enable" -> b.random = b.random == null && value.equalsIgnoreCase("true") ? arg
                        : b.random;
                case "avoidConfigUpdate" -> b.avoid = b.avoid == null && !value.equalsIgnoreCase("false") ? arg : b.avoid;
                default -> b.hashRead = b.hashRead == null && !value.equalsIgnoreCase("false") ? arg : b.hashRead;
            }
        }
    }

    /**
     * A .bat that never passes {@code %*} on (outside {@code rem} lines) drops its arguments. The kernel's scripts pass
     * them as {@code set CMD=RUN %*}; {@code CMD_LINE_ARGS} holds only their own JVM options, so it proves nothing.
     */
    private static boolean forwardsNoArgs(TextFile f) {
        for (String line : f.text().split("\\R")) {
            String t = line.strip().toLowerCase(Locale.ROOT);
            boolean comment = t.startsWith("rem ") || t.equals("rem") || t.startsWith("::");
            if (!comment && (t.contains("%*") || t.matches(".*%[1-9].*"))) {
                return false;
            }
        }
        return true;
    }

    /** The port offset the start arguments set, or null. */
    public Integer offset() {
        if (portOffset == null) {
            return null;
        }
        return OffsetValue.parse(portOffset.value(), portOffset.location(), "-DportOffset");
    }

    private static final class Builder {
        Arg portOffset;
        Arg http;
        Arg https;
        Arg random;
        Arg avoid;
        Arg hashRead;

        void overrideWith(Builder pom) {
            portOffset = pom.portOffset != null ? pom.portOffset : portOffset;
            http = pom.http != null ? pom.http : http;
            https = pom.https != null ? pom.https : https;
            random = pom.random != null ? pom.random : random;
            avoid = pom.avoid != null ? pom.avoid : avoid;
            hashRead = pom.hashRead != null ? pom.hashRead : hashRead;
        }
    }
}
