package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;

import java.util.regex.Pattern;

/**
 * Reads a port offset as WSO2 does ({@code Integer.parseInt}), but stricter: only a whole number from 0 to
 * 65535 is an offset. Placeholders and template tags are recognised so they can be reported as such instead
 * of as "not a number".
 */
public final class OffsetValue {

    /** No port can move further than this; the real limit comes from the highest port that moves. */
    public static final int MAX = 65535;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{|\\$(env|sys|ref)\\{|\\{\\{|\\{%|<%|%>|@[A-Za-z0-9_.-]+@");

    private OffsetValue() {
    }

    /** True when the text is a placeholder or template tag (Maven, Jinja, ERB, config-mapper, Ant). */
    public static boolean isPlaceholder(String raw) {
        return PLACEHOLDER.matcher(raw).find();
    }

    /** True for config-mapper's run-time references, which a user may choose to replace. */
    public static boolean isEnvironmentReference(String raw) {
        return raw.contains("$env{") || raw.contains("$sys{");
    }

    /**
     * Parses an offset read from a file, surrounding whitespace allowed.
     *
     * @param what how the value is named in messages, e.g. {@code <Offset>} or {@code [server] offset}
     */
    public static int parse(String raw, Location location, String what) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new Wso2PortsException(location, what + " is empty; expected a whole number such as 0",
                    "Write the offset in by hand (0 for none) and run again");
        }
        if (isPlaceholder(v)) {
            throw new Wso2PortsException(location, what + " holds the placeholder or template tag '" + v
                    + "', not a number", "This looks like a template: set the offset in the tool that renders it "
                    + "(Puppet, Ansible, Helm), or render it first");
        }
        return parseNumber(v, location, what);
    }

    /** Parses the offset the user asked for ({@code -Doffset} or an instance's {@code <offset>}). */
    public static int parseRequested(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw new Wso2PortsException(null, "no offset given",
                    "Say which offset to set, for example -Doffset=3");
        }
        return parseNumber(raw.strip(), null, what);
    }

    private static int parseNumber(String v, Location location, String what) {
        if (!INTEGER.matcher(v).matches()) {
            throw new Wso2PortsException(location, what + " is '" + v + "', not a whole number",
                    "An offset is a whole number from 0 to " + MAX);
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n < 0) {
            throw new Wso2PortsException(location, what + " is " + v + ", a negative offset",
                    "An offset is a whole number from 0 to " + MAX + " (WSO2 would move ports below their defaults)");
        }
        if (n > MAX) {
            throw new Wso2PortsException(location, what + " is " + v + ", beyond any port",
                    "An offset is a whole number from 0 to " + MAX);
        }
        return (int) n;
    }
}
