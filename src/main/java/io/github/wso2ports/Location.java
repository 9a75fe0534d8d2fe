package io.github.wso2ports;

/**
 * Where something was read: a file as the user should see it (relative to the project or distribution,
 * or {@code archive.zip!/entry}) and a 1-based line, 0 when the line is unknown or irrelevant.
 */
public record Location(String file, int line) {

    public Location {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("file");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
    }

    public static Location of(String file) {
        return new Location(file, 0);
    }

    /** A folder as shown to the user, where the empty string is the folder the user works in ("."). */
    public static Location ofFolder(String shown) {
        return of(shown.isEmpty() ? "." : shown);
    }

    public Location atLine(int newLine) {
        return new Location(file, newLine);
    }

    /** "." (a distribution run in its own home) reads as "the current folder" in messages, never as a bare ".:". */
    @Override
    public String toString() {
        String shown = file.equals(".") ? "the current folder" : file;
        return line > 0 ? shown + ":" + line : shown;
    }
}
