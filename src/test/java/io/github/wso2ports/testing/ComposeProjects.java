package io.github.wso2ports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The corpus's compose projects laid out as they run: the compose file, and next to it every folder a service mounts
 * (the corpus copy MOUNTS.tsv names for it; an empty folder where the corpus holds none, so the image's own files
 * stand) and, for services built from a Dockerfile, a Dockerfile that starts from the image MANIFEST.tsv names and
 * copies the node's files where the real one does.
 */
public final class ComposeProjects {

    /** The five projects of {@code compose/}. */
    public static final List<String> ALL = List.of("docker-apim_apim-is-as-km-with-analytics",
            "docker-apim_apim-with-mi", "docker-ei_integrator-broker-bps-analytics", "docker-ei_pattern-10",
            "docker-is_is-with-analytics");

    /**
     * Dockerfiles the corpus does not hold, as MANIFEST.tsv describes them: apim-with-mi builds FROM
     * registry.wso2.com/wso2-apim/am:4.7.0.0 and wso2-integrator/mi:4.5.0.0 (config through the mounted volume);
     * pattern-10's node Dockerfiles start from docker.wso2.com/wso2ei(-broker|-analytics):6.1.1 and copy
     * {@code <node>/carbon/} into the EI home or {@code wso2/<profile>/} of it (under /mnt); its database and nginx
     * start from mysql and nginx.
     */
    private static final Map<String, String> DOCKERFILES = Map.ofEntries(
            Map.entry("dockerfiles/apim/Dockerfile", "FROM registry.wso2.com/wso2-apim/am:4.7.0.0\n"),
            Map.entry("dockerfiles/mi/Dockerfile", "FROM registry.wso2.com/wso2-integrator/mi:4.5.0.0\n"),
            Map.entry("pattern-10/database/Dockerfile", "FROM mysql:5.5\n"),
            Map.entry("pattern-10/nginx/Dockerfile", "FROM nginx:1.13\n"),
            Map.entry("pattern-10/broker1/Dockerfile", node("wso2ei-broker", "broker1", "/wso2/broker")),
            Map.entry("pattern-10/broker2/Dockerfile", node("wso2ei-broker", "broker2", "/wso2/broker")),
            Map.entry("pattern-10/analytics1/Dockerfile", node("wso2ei-analytics", "analytics1", "/wso2/analytics")),
            Map.entry("pattern-10/analytics2/Dockerfile", node("wso2ei-analytics", "analytics2", "/wso2/analytics")),
            Map.entry("pattern-10/integrator1/Dockerfile", node("wso2ei", "integrator1", "")),
            Map.entry("pattern-10/integrator2/Dockerfile", node("wso2ei", "integrator2", "")));

    /**
     * The listener part of the deployment.yaml docker-is (commit 12cd9eb) mounts into the IS Analytics 5.7.0 worker,
     * which the corpus does not hold, as compose-expected.md gives it: offset 0, HTTP 9090, HTTPS 9091.
     */
    static final String IS_ANALYTICS_WORKER_YAML = """
            wso2.carbon:
              type: wso2-is-analytics
              ports:
                offset: 0
            wso2.transport.http:
              listenerConfigurations:
                - id: "default"
                  host: "0.0.0.0"
                  port: 9090
                - id: "msf4j-https"
                  host: "0.0.0.0"
                  port: 9091
                  scheme: https
            """;

    private ComposeProjects() {
    }

    private static String node(String image, String node, String inHome) {
        return "ARG WSO2_SERVER_HOME=/mnt/wso2ei-6.1.1\nFROM docker.wso2.com/" + image + ":6.1.1\n"
                + "COPY pattern-10/" + node + "/carbon/ /mnt/wso2ei-6.1.1" + inHome + "/\n";
    }

    /** The compose file of a project, in the project's folder (pattern-10's one level down: its context is ../). */
    public static Path layOut(String project, Path target) {
        Path compose = Corpus.root().resolve("compose").resolve(project);
        Path folder = project.equals("docker-ei_pattern-10") ? target.resolve("pattern-10") : target;
        Path file = folder.resolve("docker-compose.yml");
        try {
            Trees.write(file, Files.readAllBytes(compose.resolve("docker-compose.yml")));
            List<String> rows = Files.readAllLines(compose.resolve("MOUNTS.tsv"));
            for (String line : rows.subList(1, rows.size())) {
                String[] c = line.split("\t");
                String service = c[0];
                String kind = c[2];
                String corpus = c[6];
                Path from = corpus.startsWith("none") ? null : Corpus.files().resolve(corpus);
                if (kind.equals("volume")) {
                    Path mount = folder.resolve(c[4]).normalize();
                    Files.createDirectories(mount);
                    if (from != null) {
                        Trees.copy(from, mount);
                    }
                } else if (kind.equals("build")) {
                    Trees.copy(from, target.resolve("pattern-10").resolve(service).resolve("carbon"));
                }
            }
            for (Map.Entry<String, String> d : DOCKERFILES.entrySet()) {
                Path at = (d.getKey().startsWith("pattern-10/") ? target : folder).resolve(d.getKey());
                if (project.equals("docker-ei_pattern-10") == d.getKey().startsWith("pattern-10/")
                        && (project.equals("docker-apim_apim-with-mi") || d.getKey().startsWith("pattern-10/"))) {
                    Trees.write(at, d.getValue());
                }
            }
            if (project.equals("docker-is_is-with-analytics")) {
                Trees.write(folder.resolve("identity-server-analytics-worker/conf/worker/deployment.yaml"),
                        IS_ANALYTICS_WORKER_YAML);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
