package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile says about the container it builds: the image of its last stage (following {@code FROM stage}
 * to the image that stage starts from, and {@code ARG NAME=default} into {@code FROM ${NAME}}), and the files it
 * copies in ({@code COPY}/{@code ADD} from the build context, not {@code --from} another stage).
 *
 * @param image  the image the built one starts from, or null when it cannot be told (a build argument without a default)
 * @param copies what is copied from the context, in order
 */
public record Dockerfile(Location location, String image, List<Copy> copies) {

    /** A {@code COPY}/{@code ADD} of {@code sources} (relative to the build context) to {@code target}. */
    public record Copy(List<String> sources, String target, Location location) {
    }

    private static final Pattern ARG = Pattern.compile("(?i)ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?\\s*");
    private static final Pattern FROM = Pattern.compile(
            "(?i)FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*");
    private static final Pattern COPY = Pattern.compile("(?i)(?:COPY|ADD)\\s+(.+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}?");

    public static Dockerfile parse(TextFile file) {
        Map<String, String> args = new HashMap<>();
        Map<String, String> stages = new HashMap<>();
        String image = null;
        List<Copy> copies = new ArrayList<>();
        boolean from = false;
        for (Instruction instruction : instructions(file)) {
            String line = instruction.text();
            Location at = file.location().atLine(instruction.line());
            Matcher m;
            if ((m = ARG.matcher(line)).matches()) {
                if (m.group(2) != null) {
                    args.put(m.group(1), unquote(m.group(2)));
                }
            } else if ((m = FROM.matcher(line)).matches()) {
                from = true;
                String base = substitute(m.group(1), args);
                image = base == null ? null : stages.getOrDefault(base.toLowerCase(Locale.ROOT), base);
                if (m.group(2) != null && image != null) {
                    stages.put(m.group(2).toLowerCase(Locale.ROOT), image);
                }
                copies.clear(); // a new stage: what earlier stages copied is not in the final image
            } else if ((m = COPY.matcher(line)).matches()) {
                List<String> words = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
                if (words.stream().anyMatch(w -> w.startsWith("--from"))) {
                    continue;
                }
                words.removeIf(w -> w.startsWith("--"));
                if (words.size() >= 2) {
                    copies.add(new Copy(List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1),
                            at));
                }
            }
        }
        if (!from) {
            throw new Wso2PortsException(file.location(), "has no FROM line", "A Dockerfile starts FROM an image");
        }
        return new Dockerfile(file.location(), image, copies);
    }

    /** An instruction, its continuation lines joined, and the line it starts on. */
    private record Instruction(int line, String text) {
    }

    private static List<Instruction> instructions(TextFile file) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int startLine = 0;
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.text().substring(file.lineStart(line), file.lineEnd(line)).strip();
            if (current == null && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                startLine = line;
            }
            boolean more = text.endsWith("\\");
            current.append(more ? text.substring(0, text.length() - 1) : text).append(' ');
            if (!more) {
                out.add(new Instruction(startLine, current.toString().strip()));
                current = null;
            }
        }
        return out;
    }

    /** {@code ${NAME}} and {@code $NAME} by the ARG defaults; null when one has no value. */
    private static String substitute(String text, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = args.getOrDefault(m.group(1), m.group(2));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }
}
