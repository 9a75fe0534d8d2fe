package io.github.wso2ports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Catches mistyped settings before a goal reads or writes anything: a {@code wso2-ports.*} property that no goal of the
 * plugin has (a typo would otherwise be ignored, and {@code -Dwso2-ports.dryrun} would write), and a switch whose value
 * is not true or false ({@code -Dwso2-ports.dryRun=yes} would be false to Maven, and write).
 */
public final class PropertyCheck {

    /** The prefix of the plugin's properties; {@code wso2-ports.<instance>.<port>} (the exported ports) has more dots. */
    public static final String PREFIX = "wso2-ports.";

    /** A pom's own property for the plugin's version: not a setting, but not a mistake either. */
    public static final String VERSION = PREFIX + "version";

    /**
     * A property as given.
     *
     * @param source how the user wrote it, for messages: {@code -D} or {@code pom.xml <properties>}
     */
    public record Given(String name, String value, String source) {
    }

    private PropertyCheck() {
    }

    /**
     * The problems with the given properties, each one line, in the order given.
     *
     * @param known    every property a goal of the plugin has, with whether it is a switch (boolean)
     */
    public static List<String> problems(List<Given> given, Map<String, Boolean> known) {
        List<String> problems = new ArrayList<>();
        for (Given g : given) {
            String name = g.name();
            if (!name.startsWith(PREFIX) || name.indexOf('.', PREFIX.length()) >= 0) {
                continue; // not one of ours, or a port exported by check
            }
            String shown = g.source().equals("-D") ? "-D" + name : name + " in " + g.source();
            // the name poms give the plugin's version (<version>${wso2-ports.version}</version>) is theirs
            Boolean isSwitch = name.equals(VERSION) ? Boolean.FALSE : known.get(name);
            if (isSwitch == null) {
                String near = nearest(name, known.keySet());
                problems.add(shown + " is not a setting of wso2-ports" + (near == null ? "" : " (did you mean " + near
                        + "?)") + "; nothing was read or written. Fix the name" + (near == null
                                ? ", or see mvn help:describe -Dplugin=io.github.wso2ports:wso2-ports-maven-plugin -Ddetail"
                                : ""));
            } else if (isSwitch) {
                String v = g.value() == null ? "" : g.value().strip();
                // -Dwso2-ports.dryRun alone is "true" to Maven; Maven reads anything but "true" as false
                if (!v.isEmpty() && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    problems.add(shown + " is '" + g.value() + "', not true or false; nothing was read or written. Write "
                            + name + "=true, " + name + "=false, or -D" + name + " alone for true");
                }
            }
        }
        return problems;
    }

    /** The known name closest to a mistyped one (case aside, cut short, or at most a few letters off), or null. */
    public static String nearest(String name, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> sorted = new ArrayList<>();
        known.forEach(sorted::add);
        sorted.sort(Comparator.naturalOrder());
        for (String k : sorted) {
            String n = name.toLowerCase(Locale.ROOT);
            String kl = k.toLowerCase(Locale.ROOT);
            // the same name in another case, a name cut short or run on, or a few letters off
            int d = kl.equals(n) ? 0 : kl.startsWith(n) || n.startsWith(kl) ? 1 : distance(n, kl);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        String tail = name.substring(Math.min(name.length(), PREFIX.length()));
        return bestDistance <= Math.max(2, tail.length() / 3) ? best : null;
    }

    /** The Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
