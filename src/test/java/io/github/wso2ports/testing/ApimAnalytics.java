package io.github.wso2ports.testing;

import java.nio.file.Path;

/**
 * API Manager Analytics 3.x packs as WSO2 ships them, cut down to what decides ports: conf/worker/deployment.yaml and
 * conf/dashboard/deployment.yaml built from wso2/analytics-apim at the release tags v3.0.0 and v3.2.0
 * (modules/distribution/carbon-home/conf/{worker,dashboard}/deployment.yaml: the same keys, values and nesting, with the
 * sections that hold no port left out). 3.0.0 ships msf4j 2.7.3, 3.2.0 msf4j 2.7.7, whose MicroservicesServerSC adds the
 * offset to the HTTP listeners: WSO2 lowered the yaml ports to match (commit 50ac7763).
 */
public final class ApimAnalytics {

    private ApimAnalytics() {
    }

    /** An unpacked pack of that version ("3.0.0" or "3.2.0") under {@code parent}, with worker and dashboard. */
    public static Dist pack(Path parent, String version) {
        return Dist.at(parent.resolve("wso2am-analytics-" + version))
                .file("conf/worker/deployment.yaml", worker(version))
                .file("conf/dashboard/deployment.yaml", dashboard(version));
    }

    public static String worker(String version) {
        boolean v32 = version.startsWith("3.2") || version.startsWith("3.1");
        return """
                  # Carbon Configuration Parameters
                wso2.carbon:
                  type: wso2-apim-analytics
                    # value to uniquely identify a server
                  id: wso2-am-analytics
                    # server name
                  name: WSO2 API Manager Analytics Server
                    # ports used by this server
                  ports:
                      # port offset
                    offset: 1

                wso2.transport.http:
                  transportProperties:
                    -
                      name: "server.bootstrap.socket.timeout"
                      value: 60

                  listenerConfigurations:
                    -
                      id: "default"
                      host: "0.0.0.0"
                      port: %d
                    -
                      id: "msf4j-https"
                      host: "0.0.0.0"
                      port: %d
                      scheme: https
                      keyStoreFile: "${carbon.home}/resources/security/wso2carbon.jks"
                      keyStorePassword: wso2carbon
                      certPass: wso2carbon

                siddhi.stores.query.api:
                  listenerConfigurations:
                    -
                      id: "default"
                      host: "0.0.0.0"
                      port: 7071
                    -
                      id: "msf4j-https"
                      host: "0.0.0.0"
                      port: 7444
                      scheme: https

                databridge.config:
                  workerThreads: 10
                  dataReceivers:
                  -
                    dataReceiver:
                      type: Thrift
                      properties:
                        tcpPort: '7611'
                        sslPort: '7711'

                  -
                    dataReceiver:
                      type: Binary
                      properties:
                        tcpPort: '9611'
                        sslPort: '9711'
                        hostName: 0.0.0.0

                siddhi:
                  refs:
                    - ref:
                        name: 'grpcSource'
                        type: 'grpc'
                        properties:
                          receiver.url : grpc://localhost:9806/%s

                  # Cluster Configuration
                cluster.config:
                  enabled: false
                  groupId:  sp

                  # Sample of deployment.config for Two node HA
                #deployment.config:
                #  type: ha
                #  eventSyncServer:
                #    host: localhost
                #    port: 9893
                """.formatted(v32 ? 9090 : 9091, v32 ? 9443 : 9444,
                v32 ? "org.wso2.analytics.mgw.grpc.service.AnalyticsSendService/sendAnalytics"
                        : "org.wso2.grpc.EventService/consume");
    }

    public static String dashboard(String version) {
        boolean v32 = version.startsWith("3.2") || version.startsWith("3.1");
        String listeners = v32 ? """
                    - id: "default"
                      host: "0.0.0.0"
                      port: 9089

                    - id: "default-https"
                      host: "0.0.0.0"
                      port: 9640
                      scheme: https
                """ : """
                    - id: "default-https"
                      host: "0.0.0.0"
                      port: 9643
                      scheme: https
                """;
        return """
                  # Carbon Configuration Parameters
                wso2.carbon:
                  type: wso2-apim-analytics
                    # value to uniquely identify a server
                  id: wso2-am-analytics
                    # ports used by this server
                  ports:
                      # port offset
                    offset: 3

                  # Configuration used for the databridge communication
                databridge.config:
                  workerThreads: 10
                  dataReceivers:
                  -
                    dataReceiver:
                      type: Thrift
                      properties:
                        tcpPort: '7611'
                        sslPort: '7711'
                  -
                    dataReceiver:
                      type: Binary
                      properties:
                        tcpPort: '9611'
                        sslPort: '9711'

                wso2.transport.http:
                  transportProperties:
                    - name: "server.bootstrap.socket.timeout"
                      value: 60

                  listenerConfigurations:
                %s
                ## Dashboard data provider authorization
                """.formatted(listeners);
    }
}
