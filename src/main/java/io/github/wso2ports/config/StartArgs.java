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
 * {@code -Dtomcat.http.port} / {@code -Dtomcat.https.port} (bind without the offset) and
 * {@code -DavoidConfigUpdate} (config-mapper leaves the generated files alone), {@code -DavoidConfigHashRead}
 * (config-mapper regenerates only when deployment.toml changed, as Micro Integrator's scripts ship, so hand edits to
 * generated files last until then). Read from the runtime's start scripts ({@link StartScripts}: not the tools beside
 * them), the YAJSW {@code bin/yajsw/wrapper.conf}, and the {@code <jvmArgs>} the pom gives for the instance, which win
 * because they say how the estate really starts it.
 *
 * @param windowsDropsArgs .bat start scripts that do not pass their arguments on, so a -DportOffset given on the
 *                         command line is lost (wso2/carbon-analytics#125)
 */
public record StartArgs(Arg portOffset, Arg tomcatHttpPort, Arg tomcatHttpsPort, Arg avoidConfigUpdate,
        Arg avoidConfigHashRead, List<Location> windowsDropsArgs) {

    /** One argument: its value and where it is given. */
    public record Arg(String value, Location location) {
    }

    public static final StartArgs NONE = new StartArgs(null, null, null, null, null, List.of());

    private static final Pattern PROPERTY = Pattern.compile(
            "-D(portOffset|tomcat\\.http\\.port|tomcat\\.https\\.port|avoidConfigUpdate|avoidConfigHashRead)"
                    + "(?:=([^\\s\"';&|]*))?");

    /**
     * @param runtime     the runtime whose start scripts are read ({@link StartScripts}); the YAJSW wrapper is the
     *                    primary runtime's
     * @param mainClasses the Java main classes that start a WSO2 server (the catalog's)
     * @param jvmArgs     the instance's {@code <jvmArgs>} from the pom, or null
     * @param pomLine     how the pom is shown in messages
     */
    public static StartArgs read(DistributionSource source, ProductRuntime runtime, List<String> mainClasses,
            String jvmArgs, String pomLine) {
        Builder b = new Builder();
        List<Location> drops = new ArrayList<>();
        for (String path : StartScripts.of(source, runtime, mainClasses)) {
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
        return new StartArgs(b.portOffset, b.http, b.https, b.avoid, b.hashRead, List.copyOf(drops));
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
                case "avoidConfigUpdate" -> b.avoid = b.avoid == null && !value.equalsIgnoreCase("false") ? arg : b.avoid;
                default -> b.hashRead = b.hashRead == null && !value.equalsIgnoreCase("false") ? arg : b.hashRead;
            }
        }
    }

    /** A .bat that never mentions %* (or the CMD_LINE_ARGS it is usually collected into) drops its arguments. */
    private static boolean forwardsNoArgs(TextFile f) {
        String t = f.text();
        return t.toLowerCase(Locale.ROOT).contains("java") && !t.contains("%*") && !t.toUpperCase(Locale.ROOT)
                .contains("CMD_LINE_ARGS");
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
        Arg avoid;
        Arg hashRead;

        void overrideWith(Builder pom) {
            portOffset = pom.portOffset != null ? pom.portOffset : portOffset;
            http = pom.http != null ? pom.http : http;
            https = pom.https != null ? pom.https : https;
            avoid = pom.avoid != null ? pom.avoid : avoid;
            hashRead = pom.hashRead != null ? pom.hashRead : hashRead;
        }
    }
}
