package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/cluster without Docker (the build machines have no daemon): its Kontor servers get every setting the
 * single-server compose file gives Kontor, each writes to a different Galera node first, the load balancer checks the
 * readiness the image's own health check asks and keeps browsers on their server by cookie, and the node start script
 * founds a cluster only when it may (a second cluster beside a running one would split the data).
 */
class ClusterSetupTest {

    private static final Path CLUSTER = Path.of("docker/cluster");

    @TempDir
    Path dir;

    @Test
    void eachKontorServerHasTheSingleServerSettingsAndItsOwnFirstNode() throws IOException {
        Map<String, Object> single = environment(Path.of("docker/compose.yaml"), "kontor");
        Map<String, Object> a = environment(CLUSTER.resolve("compose.yaml"), "kontor-a");
        Map<String, Object> b = environment(CLUSTER.resolve("compose.yaml"), "kontor-b");
        for (Map<String, Object> server : java.util.List.of(a, b)) {
            assertThat(server).containsOnlyKeys(union(single.keySet(), "KONTOR_FORWARD_HEADERS"));
            assertThat(server).containsEntry("KONTOR_FORWARD_HEADERS", "native");
            single.forEach((key, value) -> {
                if (!key.equals("KONTOR_DB_URL")) {
                    assertThat(String.valueOf(server.get(key)))
                            .as(key)
                            .contains(String.valueOf(value).replaceAll("^\\$\\{([A-Z_]+).*", "\\$\\{$1"));
                }
            });
        }
        assertThat(a.get("KONTOR_DB_URL")).isEqualTo("jdbc:mariadb:sequential://galera1,galera2,galera3/kontor");
        assertThat(b.get("KONTOR_DB_URL")).isEqualTo("jdbc:mariadb:sequential://galera2,galera3,galera1/kontor");
    }

    @Test
    void theLoadBalancerChecksReadinessAndKeepsBrowsersOnTheirServer() throws IOException {
        String haproxy = Files.readString(CLUSTER.resolve("haproxy.cfg"));
        assertThat(Files.readString(Path.of("docker/Dockerfile"))).contains("GET /actuator/health/readiness");
        assertThat(haproxy)
                .contains("http-check send meth GET uri /actuator/health/readiness")
                .contains("cookie SRV insert indirect nocache")
                .contains("option redispatch")
                .contains("option forwardfor")
                .contains("server kontor-a kontor-a:8080 cookie a")
                .contains("server kontor-b kontor-b:8080 cookie b");
    }

    @Test
    void galera1FoundsTheClusterOnlyOnANewDataDirectoryOrWhenSafeToBootstrap() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        assertThat(start(data, true)).as("new data directory").contains("--wsrep-new-cluster");
        assertThat(start(data, false)).as("another node").doesNotContain("--wsrep-new-cluster");

        Files.createDirectories(data.resolve("mysql"));
        Files.writeString(data.resolve("grastate.dat"), "seqno: 42\nsafe_to_bootstrap: 0\n");
        assertThat(start(data, true)).as("restarted while others run").doesNotContain("--wsrep-new-cluster");

        Files.writeString(data.resolve("grastate.dat"), "seqno: 42\nsafe_to_bootstrap: 1\n");
        assertThat(start(data, true)).as("the last node that left").contains("--wsrep-new-cluster");

        ServerSocket peer;
        try {
            peer = new ServerSocket(4567, 1, InetAddress.getLoopbackAddress());
        } catch (IOException inUse) {
            peer = null;
        }
        assumeThat(peer).as("Galera's port 4567 free on this machine").isNotNull();
        try (ServerSocket answering = peer) {
            assertThat(start(data, true, "127.0.0.1"))
                    .as("a peer answers")
                    .contains("joining the running cluster")
                    .doesNotContain("--wsrep-new-cluster");
        }
    }

    private String start(Path data, boolean bootstrap) throws Exception {
        return start(data, bootstrap, "");
    }

    /** Runs galera-node.sh with a stand-in for the image's entrypoint that prints the arguments it was given. */
    private String start(Path data, boolean bootstrap, String peers) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path entrypoint = bin.resolve("docker-entrypoint.sh");
        Files.writeString(entrypoint, "#!/bin/sh\necho \"entrypoint: $*\"\n");
        Files.setPosixFilePermissions(entrypoint, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", CLUSTER.resolve("galera-node.sh").toString(), "mariadbd", "--wsrep-node-name=n")
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("GALERA_DATADIR", data.toString());
        env.put("GALERA_BOOTSTRAP", bootstrap ? "1" : "0");
        env.put("GALERA_PEERS", peers);
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("entrypoint: mariadbd --wsrep-node-name=n");
        return output;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Path compose, String service) throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(compose));
        Map<String, Object> services = (Map<String, Object>) file.get("services");
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        assertThat(definition).as(service + " in " + compose).isNotNull();
        return (Map<String, Object>) definition.get("environment");
    }

    private static String[] union(java.util.Set<String> keys, String extra) {
        java.util.Set<String> all = new java.util.TreeSet<>(keys);
        all.add(extra);
        return all.toArray(String[]::new);
    }
}
