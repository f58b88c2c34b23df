package org.opencrm.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opencrm.platform.test.ApiClient;

/** One built service running as its own JVM, as `./crm up` runs it: started, killed and restarted by tests. */
final class ServiceProcess {

    /** The ports handed out in this JVM: two services never get the same one before either has bound it. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private final String module;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceProcess(String module, Map<String, String> environment) {
        this(module, module, environment);
    }

    /** Another instance of a module: {@code name} names its log. */
    ServiceProcess(String module, String name, Map<String, String> environment) {
        this.module = module;
        this.port = freePort();
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("SERVER_PORT", String.valueOf(port));
        this.log = Path.of("target", "system-tests", name + ".log");
    }

    /** The environment the JVM gets; may be added to before {@link #start()}. */
    Map<String, String> environment() {
        return environment;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ApiClient api() {
        return ApiClient.at(url());
    }

    /** Starts the JVM (appending to its log) without waiting for it. */
    ServiceProcess start() {
        Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Xss512k", "-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the readiness probe answers UP. */
    ServiceProcess awaitReady() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return api().get("/actuator/health/readiness").status() == 200;
            } catch (UncheckedIOException notListeningYet) {
                return false;
            }
        });
        return this;
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hooks, nothing flushed, as a crash or an OOM kill. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Sends SIGTERM without waiting, so several JVMs can shut down at the same time. */
    void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Stops the JVM gracefully (SIGTERM) and waits for it. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A port free now, below Linux's ephemeral range (32768-60999). A port the kernel picked ({@code new
     * ServerSocket(0)}) is one it also hands out as the local port of outgoing connections, and the service binds
     * it tens of seconds later: once, another connection had taken it and deals-service failed to start.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            if (!GIVEN.add(candidate)) {
                continue;
            }
            try (var socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: another one
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }
}
