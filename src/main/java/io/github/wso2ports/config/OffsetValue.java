package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;

import java.util.regex.Pattern;

/**
 * Reads a port offset as WSO2 does ({@code Integer.parseInt}), but stricter: only a whole number from 0 to
 * 65535 is an offset. Placeholders and template tags are recognised so they can be reported as such instead
 * of as "not a number".
 */
public final class OffsetValue {

    /** No port can move further than this; the real limit comes from the highest port that moves. */
    public static final int MAX = Port.MAX;

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
     * Parses an offset read from a file exactly as WSO2 reads it: {@code Integer.parseInt(value)} on the text as it
     * stands (ServletTransportManager.init, CarbonUtils.getPortFromServerConfig: no trim), which takes a sign, leading
     * zeros and other scripts' digits, but no space, line break or anything else around the number. A value WSO2
     * cannot parse is an error: the server would fail at start-up.
     *
     * @param what how the value is named in messages, e.g. {@code <Offset>} or {@code [server] offset}
     */
    public static int parse(String raw, Location location, String what) {
        String v = raw.trim();
        if (v.isEmpty()) {
            throw new Wso2PortsException(location, what + " is empty; expected a whole number such as 0",
                    "Write the offset in by hand (0 for none) and run again");
        }
        if (isPlaceholder(v)) {
            throw new Wso2PortsException(location, what + " holds the placeholder or template tag '" + v
                    + "', not a number", "This looks like a template: set the offset in the tool that renders it "
                    + "(Puppet, Ansible, Helm), or render it first");
        }
        if (!v.equals(raw)) {
            throw new Wso2PortsException(location, what + " is '" + visible(raw) + "': WSO2 reads it with "
                    + "Integer.parseInt as it stands, which takes no space or line break around the number "
                    + "(ServletTransportManager.init), so the server would fail at start-up",
                    "Write the number alone, as " + example(what, v));
        }
        if (!INTEGER.matcher(v).matches()) {
            try {
                // WSO2 reads what Integer.parseInt reads: other scripts' digits too
                return range(Integer.parseInt(v), v, location, what);
            } catch (NumberFormatException e) {
                boolean ascii = v.chars().allMatch(c -> c < 0x80);
                throw new Wso2PortsException(location, what + " is '" + visible(v) + "', " + (ascii
                        ? "not a whole number" : "which WSO2 cannot read as a number (" + culprit(v) + ")")
                        + ": Integer.parseInt fails on it and the server would fail at start-up",
                        "Write the number alone, as " + example(what, "3"));
            }
        }
        return parseNumber(v, location, what);
    }

    private static String example(String what, String number) {
        String n = INTEGER.matcher(number).matches() ? number : "3";
        return what.startsWith("<") ? what + n + what.replace("<", "</") : "offset = " + n;
    }

    /** The value with every character outside printable ASCII shown as {@code \\uXXXX}. */
    static String visible(String v) {
        StringBuilder sb = new StringBuilder();
        v.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return sb.toString();
    }

    /** What keeps Integer.parseInt from reading it: the first character that is not a digit or a leading sign. */
    private static String culprit(String v) {
        for (int i = 0; i < v.length(); i = v.offsetByCodePoints(i, 1)) {
            int c = v.codePointAt(i);
            if (!Character.isDigit(c) && !(i == 0 && (c == '+' || c == '-'))) {
                String name = Character.getName(c);
                return String.format("U+%04X", c) + (name == null ? "" : " " + name);
            }
        }
        return "too large";
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
        // a long beyond any int is beyond any port all the same
        return range((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)), v, location, what);
    }

    private static int range(int n, String v, Location location, String what) {
        if (n < 0) {
            throw new Wso2PortsException(location, what + " is " + v + ", a negative offset",
                    "An offset is a whole number from 0 to " + MAX + " (WSO2 would move ports below their defaults)");
        }
        if (n > MAX) {
            throw new Wso2PortsException(location, what + " is " + v + ", beyond any port",
                    "An offset is a whole number from 0 to " + MAX);
        }
        return n;
    }
}
