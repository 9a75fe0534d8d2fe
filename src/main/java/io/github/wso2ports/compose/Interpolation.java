package io.github.wso2ports.compose;

import io.github.wso2ports.config.YamlDocument;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation, as far as a build can follow it: {@code ${VAR:-default}} and {@code ${VAR-default}}
 * take their default (the environment of the build is not the environment the file is run in); {@code $$} is a dollar.
 * A variable without a default stays as written, so what depends on it is reported as unknown, never guessed.
 */
final class Interpolation {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}");

    private Interpolation() {
    }

    /** A scalar's text with defaults taken; null for anything but a scalar. */
    static String text(YamlDocument.Item item) {
        String raw = item == null ? null : item.text();
        return raw == null ? null : resolve(raw);
    }

    static String resolve(String raw) {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        Matcher m = DEFAULTED.matcher(raw);
        String out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        return out.replace("$$", "$");
    }

    /** True when a variable without a default is left in the text. */
    static boolean unresolved(String text) {
        return text != null && text.replace("$$", "").contains("$");
    }
}
