package io.github.wso2ports;

/**
 * A problem the user must fix: bad input, an unsafe write, an unknown layout. It carries where (file and
 * line), what went wrong and how to fix it, so the mojos can print one clear line instead of a stack trace, and its
 * {@link Kind}, which the goals map to the build's outcome in one place.
 */
public class Wso2PortsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the problem means for the build (Maven: a build failure or a build error). */
    public enum Kind {
        /** What was asked or read is refused: a clash, an unsafe write, a bad value (a build failure). */
        REFUSED,
        /** What the goal needs is missing or cannot be read: a home, an id, a file, the report folder (a build error). */
        BROKEN
    }

    private final Kind kind;
    private final transient Location location;
    private final String fix;

    public Wso2PortsException(Location location, String problem, String fix) {
        this(Kind.REFUSED, location, problem, fix, null);
    }

    public Wso2PortsException(Location location, String problem, String fix, Throwable cause) {
        this(Kind.REFUSED, location, problem, fix, cause);
    }

    public Wso2PortsException(Kind kind, Location location, String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.kind = kind;
        this.location = location;
        this.fix = fix;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the problem is; null when it is not about one file. */
    public Location location() {
        return location;
    }

    /** What the user can do about it; null when there is nothing to add. */
    public String fix() {
        return fix;
    }

    /** The whole message on one line: {@code file:line: problem. fix} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        sb.append(getMessage());
        if (fix != null && !fix.isEmpty()) {
            sb.append(getMessage().endsWith(".") ? " " : ". ").append(fix);
        }
        return sb.toString();
    }
}
