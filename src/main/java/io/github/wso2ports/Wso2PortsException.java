package io.github.wso2ports;

/**
 * A problem the user must fix: bad input, an unsafe write, an unknown layout. It carries where (file and
 * line), what went wrong and how to fix it, so the mojos can print one clear line instead of a stack trace.
 */
public class Wso2PortsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final String fix;

    public Wso2PortsException(Location location, String problem, String fix) {
        this(location, problem, fix, null);
    }

    public Wso2PortsException(Location location, String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.location = location;
        this.fix = fix;
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
