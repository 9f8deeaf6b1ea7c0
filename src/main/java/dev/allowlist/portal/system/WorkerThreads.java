package dev.allowlist.portal.system;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The worker pool's size: {@code PORTAL_WORKER_THREADS}, or two threads a core. Requests here are CPU
 * work (rendering, serialising) or short database reads, and the waits for the audit's group commit hold
 * no thread; more threads than that only time-slice requests against each other. bench/run.sh on two
 * cores, 4 threads against 16, same database and build: the allowlist JSON 34,342 against 15,386 req/s,
 * the customer page 2,605 against 860 (p99 27 against 120 ms), the dashboard 5,700-6,100 against
 * 3,500-3,900. A source of its own (below application.properties and the environment, which still
 * override it) because the default depends on the machine.
 */
public class WorkerThreads implements ConfigSource {

    static final String PROPERTY = "quarkus.thread-pool.max-threads";

    /** Two a core, at least 4 (a long export or a slow read then leaves the others to serve pages). */
    static int threads(Map<String, String> env, int cores) {
        String configured = env.get("PORTAL_WORKER_THREADS");
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.trim());
        }
        return Math.max(4, 2 * cores);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName)
                ? String.valueOf(threads(System.getenv(), Runtime.getRuntime().availableProcessors()))
                : null;
    }

    @Override
    public String getName() {
        return "portal-worker-threads";
    }

    /** Below application.properties (250) and the environment (300). */
    @Override
    public int getOrdinal() {
        return 150;
    }
}
