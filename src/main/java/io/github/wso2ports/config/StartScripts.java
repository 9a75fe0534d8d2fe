package io.github.wso2ports.config;

import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scripts that start a runtime, the only ones whose arguments decide its ports. A distribution's {@code bin}
 * folder holds tools too (carbondump, tcpmon, ciphertool, chpasswd, ...), which start no server: a script starts one
 * when it launches a Carbon main class (the kernel's {@code org.wso2.carbon.bootstrap.Bootstrap}, Carbon 5's
 * {@code org.wso2.carbon.launcher.Main}, ...), or when it runs a runtime's own start script
 * ({@code bin/broker.sh} runs {@code wso2/broker/bin/wso2server.sh}, {@code bin/worker.sh} runs
 * {@code wso2/worker/bin/carbon.sh}).
 */
public final class StartScripts {

    private StartScripts() {
    }

    /**
     * The start scripts of a runtime, relative to the home: those in its own bin folder that launch a main class,
     * and those of the distribution's {@code bin} that run one of them; for the primary runtime also those of
     * {@code bin} that launch a main class themselves.
     *
     * @param mainClasses the Java main classes that start a WSO2 server (the catalog's)
     */
    public static List<String> of(DistributionSource source, ProductRuntime runtime, List<String> mainClasses) {
        Set<String> out = new LinkedHashSet<>();
        String own = runtime.binDir();
        boolean ownFolder = !own.equals(BIN);
        if (ownFolder || runtime.role() == RuntimeRole.PRIMARY) {
            for (String path : scripts(source, own)) {
                if (launches(source, path, mainClasses)) {
                    out.add(path);
                }
            }
        }
        if (ownFolder) {
            // bin/broker.sh runs $CARBON_HOME/wso2/broker/bin/wso2server.sh; bin/worker.sh runs wso2/worker/bin/carbon.sh
            // each launcher folder with what its scripts call the runtime's own bin folder, relative to their home
            List<String[]> launchers = new ArrayList<>();
            launchers.add(new String[] {BIN, own});
            String home = runtime.home();
            if (!home.isEmpty() && own.startsWith(home + "/") && !own.equals(home + "/" + BIN)) {
                launchers.add(new String[] {home + "/" + BIN, own.substring(home.length() + 1)}); // EI analytics
            }
            for (String[] launcher : launchers) {
                for (String path : scripts(source, launcher[0])) {
                    if (text(source, path).contains(launcher[1] + "/")) {
                        out.add(path);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The distribution's bin folder, where the primary runtime's scripts and the runtimes' launchers are. */
    static final String BIN = "bin";

    private static List<String> scripts(DistributionSource source, String dir) {
        List<String> out = new ArrayList<>();
        for (String name : source.list(dir)) {
            String lower = name.toLowerCase(Locale.ROOT);
            String path = dir + "/" + name;
            if ((lower.endsWith(".sh") || lower.endsWith(".bat") || lower.endsWith(".cmd")) && source.isFile(path)) {
                out.add(path);
            }
        }
        return out;
    }

    private static boolean launches(DistributionSource source, String path, List<String> mainClasses) {
        String text = text(source, path);
        return mainClasses.stream().anyMatch(text::contains);
    }

    /**
     * What a script runs, as one text: its lines but the comments ({@code #} in sh, {@code rem} and {@code ::} in a
     * .bat), with {@code \} as {@code /} so a .bat's {@code %CARBON_HOME%\wso2\broker\bin} reads as the .sh's path.
     * Scripts are ASCII in practice; ISO-8859-1 never fails on a byte.
     */
    private static String text(DistributionSource source, String path) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(source.read(path), StandardCharsets.ISO_8859_1).split("\\R")) {
            String t = line.strip().toLowerCase(Locale.ROOT);
            if (!(t.startsWith("#") || t.startsWith("rem ") || t.equals("rem") || t.startsWith("::")
                    || t.startsWith("@rem "))) {
                out.append(line.replace('\\', '/')).append('\n');
            }
        }
        return out.toString();
    }
}
