package io.github.wso2ports.testing;

/**
 * Small config files written for the tests (not copied from WSO2): just enough structure for the code that
 * reads them, plus the traps real files have (comments holding decoy elements, tabs, namespaces).
 */
public final class Samples {

    private Samples() {
    }

    /** A carbon.xml with the given Offset element text, e.g. {@code <Offset>0</Offset>}. */
    public static String carbonXml(String offsetElement) {
        return """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!-- sample carbon.xml written for tests; a decoy: <Offset>42</Offset> -->
                <Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
                    <Name>Sample Server</Name>
                    <Version>1.0.0</Version>
                    <Ports>
                        <!-- Ports offset. e.g. <Offset>2</Offset> moves 9443 to 9445 -->
                        %s
                        <JMX>
                            <RMIRegistryPort>9999</RMIRegistryPort>
                \t\t\t<RMIServerPort>11111</RMIServerPort>
                        </JMX>
                        <EmbeddedLDAP>
                            <LDAPServerPort>10389</LDAPServerPort>
                        </EmbeddedLDAP>
                    </Ports>
                </Server>
                """.formatted(offsetElement);
    }

    public static String carbonXml(int offset) {
        return carbonXml("<Offset>" + offset + "</Offset>");
    }

    /** A catalina-server.xml with an HTTP and an HTTPS connector. */
    public static String catalinaServerXml(int http, int https) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Server port="8005" shutdown="SHUTDOWN">
                    <Service className="org.apache.catalina.core.StandardService" name="Catalina">
                        <!-- <Connector port="9000" proxyPort="80"/> -->
                        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="%d"
                                   redirectPort="%d" proxyPort="80"/>
                        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="%d"
                                   scheme="https" secure="true" proxyPort="443"/>
                    </Service>
                </Server>
                """.formatted(http, https, https);
    }

    /** A config-mapper deployment.toml whose [server] table holds {@code serverLines}. */
    public static String deploymentToml(String serverLines) {
        return """
                [server]
                hostname = "localhost"
                %s
                [super_admin]
                username = "admin"
                # offset = 99 is not in [server] here
                [transport.https.properties]
                port = 9443
                """.formatted(serverLines);
    }
}
