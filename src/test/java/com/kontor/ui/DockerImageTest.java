package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production image as Docker runs it, without Docker: its HEALTHCHECK command is run exactly as written in
 * docker/Dockerfile against the running application (healthy) and against a port where nothing listens (unhealthy);
 * the build context leaves out local data and build output; the entrypoint is valid POSIX sh.
 */
@IntegrationTest
class DockerImageTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    @LocalServerPort
    int port;

    @Test
    void theHealthCheckSaysHealthyWhenKontorIsReadyAndUnhealthyWhenNothingAnswers() throws Exception {
        List<String> command = healthCheckCommand();
        assertThat(command.getFirst())
                .as("dash, the image's sh, has no /dev/tcp")
                .isNotEqualTo("sh");

        assertThat(run(command, port)).as("healthy against the running portal").isZero();
        assertThat(run(command, freePort()))
                .as("unhealthy when nothing listens")
                .isNotZero();
    }

    @Test
    void theBuildContextLeavesOutLocalDataAndBuildOutput() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip)
                .toList();
        assertThat(ignored).contains("data", "target", ".git", "**/.env");
    }

    @Test
    void theEntrypointIsValidShell() throws Exception {
        Process check = new ProcessBuilder("sh", "-n", "docker/entrypoint.sh")
                .redirectErrorStream(true)
                .start();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue())
                .as(new String(check.getInputStream().readAllBytes()))
                .isZero();
    }

    private static List<String> healthCheckCommand() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE).replace("\\\n", " ");
        Matcher cmd = Pattern.compile("HEALTHCHECK[^\\n]*?CMD\\s+(\\[.*])").matcher(dockerfile);
        assertThat(cmd.find()).as("a HEALTHCHECK with an exec-form CMD").isTrue();
        return JsonMapper.builder().build().readValue(cmd.group(1), List.class).stream()
                .map(String::valueOf)
                .toList();
    }

    private static int run(List<String> command, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as("the check ends within Docker's timeout")
                .isTrue();
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
