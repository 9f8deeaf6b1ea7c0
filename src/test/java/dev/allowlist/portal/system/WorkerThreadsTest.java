package dev.allowlist.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The worker pool: two threads a core, at least 4, unless PORTAL_WORKER_THREADS says otherwise. */
@QuarkusTest
class WorkerThreadsTest {

    @Test
    void twoACoreAtLeastFourUnlessConfigured() {
        assertThat(WorkerThreads.threads(Map.of(), 1)).isEqualTo(4);
        assertThat(WorkerThreads.threads(Map.of(), 2)).isEqualTo(4);
        assertThat(WorkerThreads.threads(Map.of(), 8)).isEqualTo(16);
        assertThat(WorkerThreads.threads(Map.of("PORTAL_WORKER_THREADS", " 12 "), 2)).isEqualTo(12);
        assertThat(WorkerThreads.threads(Map.of("PORTAL_WORKER_THREADS", ""), 8)).isEqualTo(16);
    }

    @Test
    void theRunningPortalUsesIt() {
        int expected = WorkerThreads.threads(System.getenv(), Runtime.getRuntime().availableProcessors());
        assertThat(ConfigProvider.getConfig().getValue(WorkerThreads.PROPERTY, Integer.class)).isEqualTo(expected);
    }
}
