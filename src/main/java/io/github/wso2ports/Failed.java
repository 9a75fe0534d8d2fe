package io.github.wso2ports;

import java.util.List;

/**
 * A goal ends: the problems to print first, each on its own line (none when they were printed already), then the
 * one line the build fails with. Collected problems fail a build once, never one at a time.
 */
public final class Failed extends Wso2PortsException {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    private Failed(Kind kind, List<String> lines, String message) {
        super(kind, null, message, null, null);
        this.lines = List.copyOf(lines);
    }

    /** The build fails with this line, after what the goal printed. */
    public static Failed with(Kind kind, String message) {
        return new Failed(kind, List.of(), message);
    }

    /** Prints these lines, then fails with this one. */
    public static Failed after(Kind kind, List<String> lines, String message) {
        return new Failed(kind, lines, message);
    }

    /** The lines to print before the build fails. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public String describe() {
        return getMessage();
    }
}
