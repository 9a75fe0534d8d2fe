package io.github.wso2ports.distribution;

/**
 * One runtime of a distribution: what a start script runs, with its own configuration folder and its own
 * port offset.
 *
 * @param name          the runtime's name ({@code integrator}, {@code broker}, {@code worker}, ...), or
 *                      {@code default} for single-runtime distributions
 * @param role          how it relates to the distribution's other runtimes
 * @param confDir       its configuration folder relative to the home ({@code repository/conf}, {@code wso2/broker/conf})
 * @param offsetFile    the file that holds its offset, relative to the home; a config-mapper runtime's deployment.toml
 *                      may be missing (then its XML files decide, as {@code ports.GeneratedFiles} says)
 * @param format        the kind of that file
 * @param defaultOffset the offset the config-mapper template renders when deployment.toml states none (its
 *                      {@code default('N')}), or null when the distribution has no such template (the catalog's
 *                      product default applies then: Micro Integrator 10, others 0)
 * @param defaultSource where that default comes from, for messages; null with it
 */
public record ProductRuntime(String name, RuntimeRole role, String confDir, String offsetFile, OffsetFormat format,
        Integer defaultOffset, String defaultSource) {

    public static final String DEFAULT_NAME = "default";

    /**
     * Its own home relative to the distribution's: {@code wso2/<runtime>} for EI/IoT runtimes, empty otherwise (IoT
     * profiles and Carbon 5 runtimes run from the distribution's home).
     */
    public String home() {
        if (confDir.startsWith("wso2/")) {
            return confDir.substring(0, confDir.indexOf('/', "wso2/".length()));
        }
        return "";
    }

    /**
     * The folder it runs from, relative to the distribution's home: where its own start scripts ({@code bin/}) and its
     * PID file are. {@code wso2/<runtime>} for EI/IoT runtimes and for Carbon 5 runtimes, whose launcher lives in
     * {@code wso2/<runtime>/bin} ({@code conf/worker} runs from {@code wso2/worker}, EI's {@code analytics/worker} from
     * {@code wso2/analytics/wso2/worker}); the home itself otherwise.
     */
    public String runtimeHome() {
        String conf = home().isEmpty() ? confDir : confDir.substring(home().length() + 1);
        if (format == OffsetFormat.DEPLOYMENT_YAML && conf.startsWith("conf/")) {
            return home("wso2/" + conf.substring("conf/".length()));
        }
        return home();
    }

    /** The folder of its own start scripts ({@code bin} of {@link #runtimeHome()}). */
    public String binDir() {
        return runtimeHome().isEmpty() ? "bin" : runtimeHome() + "/bin";
    }

    /** A path relative to this runtime's home, as a path relative to the distribution's home. */
    public String home(String relativeToHome) {
        return home().isEmpty() ? relativeToHome : home() + "/" + relativeToHome;
    }

    /** A path relative to this runtime's configuration folder, as a path relative to the home. */
    public String conf(String relativeToConf) {
        return confDir + "/" + relativeToConf;
    }
}
