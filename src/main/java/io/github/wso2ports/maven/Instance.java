package io.github.wso2ports.maven;

/**
 * One WSO2 instance of the estate, as configured in the pom:
 * <pre>{@code
 * <instance>
 *   <id>apim</id>
 *   <home>dist/wso2am-2.6.0</home>
 *   <host>app1</host>
 *   <offset>0</offset>
 *   <runtime>broker</runtime>
 *   <product>wso2am</product>
 * </instance>
 * }</pre>
 */
public class Instance {

    /** A short name for the instance, unique in the pom; used in messages and property names. */
    private String id;

    /**
     * The distribution's home: an unpacked folder (or, for reading only, a distribution .zip), relative to the project
     * or absolute; messages show it as written.
     */
    private String home;

    /** The host it runs on; instances on different hosts never clash. Default {@code localhost}. */
    private String host;

    /** The planned port offset; omitted: whatever the files say. A string so a typo gets a clear message. */
    private String offset;

    /** For multi-runtime distributions (EI 6.x, IoT 3.x): the runtime this instance is. */
    private String runtime;

    /** The product, when detection from marker files and the folder name is not enough (e.g. {@code wso2am}). */
    private String product;

    /**
     * The JVM arguments the instance is started with, where they are not in its start scripts (a systemd unit, a
     * container): {@code -DportOffset}, {@code -Dtomcat.https.port} and {@code -DavoidConfigUpdate} count.
     */
    private String jvmArgs;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getHome() {
        return home;
    }

    public void setHome(String home) {
        this.home = home;
    }

    public String getHost() {
        return host == null || host.isBlank() ? "localhost" : host.strip();
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getOffset() {
        return offset;
    }

    public void setOffset(String offset) {
        this.offset = offset;
    }

    public String getRuntime() {
        return runtime;
    }

    public void setRuntime(String runtime) {
        this.runtime = runtime;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getJvmArgs() {
        return jvmArgs;
    }

    public void setJvmArgs(String jvmArgs) {
        this.jvmArgs = jvmArgs;
    }
}
