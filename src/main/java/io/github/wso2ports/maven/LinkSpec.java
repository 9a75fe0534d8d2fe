package io.github.wso2ports.maven;

/**
 * An explicit link, for URLs whose host does not name an instance (a DNS name, a load balancer):
 * <pre>{@code
 * <link><from>apim</from><url>apim-key-manager</url><to>km</to></link>
 * }</pre>
 * says that the URL {@code url} (a catalog URL id, see the catalog page of the site) of instance {@code from} points at {@code to}.
 */
public class LinkSpec {

    private String from;
    private String url;
    private String to;

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
