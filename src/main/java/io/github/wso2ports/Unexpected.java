package io.github.wso2ports;

/**
 * Turns an error that can only be a bug (a RuntimeException other than {@link Wso2PortsException}, a
 * StackOverflowError, a failed assert under -ea) into one clear problem naming the file that was being read, so the
 * user sees one line and can report it, never a stack trace. Each thread remembers the last file it read; reading code
 * forgets it when done.
 */
public final class Unexpected {

    /** Where the plugin's bugs are reported. */
    public static final String REPORT_URL = "https://github.com/wso2ports/wso2-ports-maven-plugin/issues";

    private static final ThreadLocal<Location> READING = new ThreadLocal<>();

    private Unexpected() {
    }

    /** Notes that this thread is reading the file now. */
    public static void reading(Location file) {
        READING.set(file);
    }

    /** Forgets the file this thread read last: what fails from now on is not about it. */
    public static void doneReading() {
        READING.remove();
    }

    /** True for the errors this class turns into problems: bugs, as opposed to problems the user must fix. */
    public static boolean isBug(Throwable t) {
        return !(t instanceof Wso2PortsException) && (t instanceof RuntimeException || t instanceof StackOverflowError
                || t instanceof AssertionError);
    }

    /**
     * The problem to show for a bug: at the file this thread was reading when it failed, else at {@code fallback}
     * (may be null).
     */
    public static Wso2PortsException problem(Throwable bug, Location fallback) {
        Location file = READING.get();
        Location where = file != null ? file : fallback;
        String doing = file != null ? "while reading this file" : "";
        String what = bug.getClass().getName() + (bug.getMessage() == null ? "" : ": " + firstLine(bug.getMessage()));
        return new Wso2PortsException(where, "wso2-ports failed unexpectedly " + doing + (doing.isEmpty() ? "" : " ")
                + "(" + what + ")", "This is a bug in wso2-ports, not in your files: please report it at "
                + REPORT_URL + " with this message and, if you can, the file (mvn -e shows the stack trace)", bug);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
