package dev.allowlist.portal;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of its own, on a free port, for tests that stop and start the database under
 * the portal. Made with Debian's postgresql-common tools (pg_createcluster, as root, as CI runs);
 * dropped afterwards. {@link #available()} says whether this machine can make one.
 */
public class ThrowawayPostgres implements QuarkusTestResourceLifecycleManager {

    private static String version;
    private static String name;
    private static int port;

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pg_createcluster")) && Files.isDirectory(Path.of("/etc/postgresql"))
                && "root".equals(System.getProperty("user.name"));
    }

    @Override
    public Map<String, String> start() {
        if (!available()) {
            return Map.of();
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        name = "portal-outage-" + port;
        run("pg_createcluster", version, name, "-p", String.valueOf(port), "--", "--auth=trust");
        startDatabase();
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres",
                // fail fast while the database is away, as a production pool would be told to
                "quarkus.datasource.jdbc.acquisition-timeout", "3S");
    }

    public static void stopDatabase() {
        run("pg_ctlcluster", version, name, "stop", "-m", "immediate");
    }

    public static void startDatabase() {
        run("pg_ctlcluster", version, name, "start");
    }

    @Override
    public void stop() {
        if (name != null) {
            run("pg_dropcluster", "--stop", version, name);
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
