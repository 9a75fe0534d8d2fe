package io.github.wso2ports.ports;

import java.util.Locale;
import java.util.Set;

/**
 * The address a listener binds, as the clash check compares it: null for every address (nothing set, {@code 0.0.0.0},
 * {@code ::}, {@code *}), otherwise the address as written, lower-cased. Nothing is resolved (the check is offline):
 * host names compare as written, except {@code localhost}, which counts as {@code 127.0.0.1}.
 */
public final class BindAddress {

    private static final Set<String> EVERY = Set.of("", "0.0.0.0", "::", "[::]", "*", "0:0:0:0:0:0:0:0");

    private BindAddress() {
    }

    /** The address a raw setting binds; null when it binds every address. */
    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        String a = raw.strip().toLowerCase(Locale.ROOT);
        if (EVERY.contains(a) || a.contains("{")) {
            // a placeholder (${...}, $env{...}, {{...}}) is not known before start: assume it overlaps every address
            return null;
        }
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        return a.equals("localhost") ? "127.0.0.1" : a;
    }

    /** How an address is shown: the address, or {@code any} for every address. */
    public static String display(String address) {
        return address == null ? "any" : address;
    }
}
