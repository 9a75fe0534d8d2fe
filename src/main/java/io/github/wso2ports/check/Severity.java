package io.github.wso2ports.check;

import java.util.Locale;

/** How much a finding matters: ERROR fails the build, WARNING fails it with failOnWarning, IGNORE hides it. */
public enum Severity {
    ERROR, WARNING, INFO, IGNORE;

    public static Severity parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
