package io.github.wso2ports;

/** Where the goals print their lines: the Maven log, a list in a test or the check cache. */
@FunctionalInterface
public interface Printer {

    /** How a line is shown (the Maven log level). */
    enum Level { INFO, WARN, ERROR }

    /** A printed line. */
    record Line(Level level, String text) {
    }

    void print(Level level, String text);

    default void print(Line line) {
        print(line.level(), line.text());
    }

    default void info(String text) {
        print(Level.INFO, text);
    }

    default void warn(String text) {
        print(Level.WARN, text);
    }

    default void error(String text) {
        print(Level.ERROR, text);
    }
}
