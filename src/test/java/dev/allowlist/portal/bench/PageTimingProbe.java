package dev.allowlist.portal.bench;

import static dev.allowlist.portal.TestUsers.as;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("probe")
class PageTimingProbe {
    @Test
    void time() {
        TestPartners.ensureRegistered();
        long id = Customers.create("alice", Customers.uniqueName("Probe"), List.of("ENDPOINT", "EDR"));
        Customers.addHost("alice", id, "mcs2-cloudstation-eu-central-1.prod.hydra.sophos.com");
        as("alice").get("/customers/" + id).then().statusCode(200);
        String token = dev.allowlist.portal.TestUsers.token("alice");
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/customers/" + id, "/customers?page=1")) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).build();
            for (int i = 0; i < 2000; i++) {
                send(http, request);
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            int n = 4000;
            for (int i = 0; i < n; i++) {
                send(http, request);
            }
            System.out.printf("PROBE %s: %.0f us per request, %.0f us CPU%n", path, (System.nanoTime() - start) / 1000.0 / n,
                    (os.getProcessCpuTime() - cpu) / 1000.0 / n);
        }
    }

    private static void send(java.net.http.HttpClient http, java.net.http.HttpRequest request) {
        try {
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(response.statusCode());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
