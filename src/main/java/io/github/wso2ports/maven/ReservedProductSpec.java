package io.github.wso2ports.maven;

/**
 * A WSO2 product that runs on a host but is not an instance here; its catalog ports are reserved:
 * <pre>{@code
 * <reservedProduct><product>wso2am-analytics</product><runtime>worker</runtime><offset>1</offset><host>app1</host></reservedProduct>
 * }</pre>
 * {@code product} is a catalog key, optionally with a version ({@code wso2am-analytics-3.2.0}); {@code runtime}
 * picks one runtime of a multi-runtime product (default: all, each at its shipped offset); {@code offset}
 * defaults to the runtime's shipped offset; {@code host} to every host.
 */
public class ReservedProductSpec {

    private String product;
    private String runtime;
    private String offset;
    private String host;

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getRuntime() {
        return runtime;
    }

    public void setRuntime(String runtime) {
        this.runtime = runtime;
    }

    public String getOffset() {
        return offset;
    }

    public void setOffset(String offset) {
        this.offset = offset;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }
}
