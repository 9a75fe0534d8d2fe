package io.github.wso2ports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP or UDP port number, and the limits the plugin checks every port against: 1-65535, privileged below 1024
 * (binding one needs root), and the OS ephemeral range, where an outgoing connection may take a port first.
 */
public record Port(int number) {

    public static final int MIN = 1;
    public static final int MAX = 65535;
    /** How the valid numbers are named in messages. */
    public static final String BOUNDS = MIN + ".." + MAX;
    /** Ports below this need root to bind. */
    public static final int PRIVILEGED_BELOW = 1024;
    /** Linux's default ephemeral range (net.ipv4.ip_local_port_range), as a pom writes it; Windows uses 49152-65535. */
    public static final String EPHEMERAL_DEFAULT = "32768-60999";
    /** A port number as written: up to five digits (more is no port, whatever its value). */
    public static final String DIGITS = "[0-9]{1,5}";

    public Port {
        if (!isValid(number)) {
            throw new IllegalArgumentException("port " + number + " is outside " + BOUNDS);
        }
    }

    public static boolean isValid(long number) {
        return number >= MIN && number <= MAX;
    }

    /** True for a port only root may bind. */
    public static boolean isPrivileged(long number) {
        return number < PRIVILEGED_BELOW;
    }

    /** The largest offset that keeps {@code base} a port. */
    public static int largestOffset(int base) {
        return MAX - base;
    }

    /**
     * The port a value read from a file states: its digits alone, white space around them aside; null for anything
     * else, such as a placeholder ({@code ${http.nio.port}}) or a number outside 1-65535.
     */
    public static Port written(String raw) {
        String v = raw.strip();
        if (!v.matches(DIGITS)) {
            return null;
        }
        int n = Integer.parseInt(v);
        return isValid(n) ? new Port(n) : null;
    }

    /** An inclusive range of ports; one port is the range from it to itself. */
    public record Range(int from, int to) {

        private static final Pattern WRITTEN = Pattern.compile("(" + DIGITS + ")(?:\\s*-\\s*(" + DIGITS + "))?");

        public static final Range EPHEMERAL = parse(EPHEMERAL_DEFAULT, null);

        public Range {
            if (!isValid(from) || !isValid(to) || to < from) {
                throw new IllegalArgumentException("no port range " + from + "-" + to);
            }
        }

        public boolean contains(long port) {
            return port >= from && port <= to;
        }

        /**
         * A port ({@code 5432}) or a range ({@code 32768-60999}) as a user writes it.
         *
         * @param where where it is written, for the message when it is no port or range
         */
        public static Range parse(String text, Location where) {
            Matcher m = WRITTEN.matcher(text.strip());
            if (!m.matches()) {
                throw new Wso2PortsException(where, "port '" + text + "' is not a number or a range",
                        "Write it as 5432 or " + EPHEMERAL_DEFAULT);
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < MIN || to > MAX) {
                throw new Wso2PortsException(where, "port '" + text + "' is outside " + BOUNDS, null);
            }
            if (to < from) {
                throw new Wso2PortsException(where, "the port range '" + text + "' runs backwards",
                        "Write the lower port first: " + to + "-" + from);
            }
            return new Range(from, to);
        }

        @Override
        public String toString() {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }
}
