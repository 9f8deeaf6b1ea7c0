package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrent changes of one customer answer as the same changes one after the other would (issue 13,
 * F4 and F5): a stale write is a 409, never a 500; a duplicate is "already known", never a 500.
 */
@QuarkusTest
class ConcurrencyTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    /** Runs the same request n times at once (released together) and returns the responses. */
    private static List<Response> atOnce(int n, Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void twoWritesAtTheSameVersionGiveOne200AndOne409() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = Customers.create("alice", Customers.uniqueName("Concurrent PUT"), List.of("CENTRAL"));
            String token = TestUsers.token("alice");
            List<Response> responses = atOnce(4, () -> RestAssured.given().auth().oauth2(token)
                    .contentType(ContentType.JSON).body(Map.of("name", Customers.uniqueName("Renamed"), "version", 0,
                            "licenses", List.of("CENTRAL", "EDR")))
                    .put("/api/v1/customers/" + id));
            assertThat(count(responses, 200)).as(statuses(responses)).isEqualTo(1);
            assertThat(count(responses, 409)).as(statuses(responses)).isEqualTo(3);
            assertThat(responses.stream().filter(r -> r.statusCode() == 409).map(r -> r.jsonPath().getString("message")))
                    .allMatch(m -> m.contains("changed by someone else"));
        }
    }

    @Test
    void twoPageEditsAtTheSameVersionGiveOneRedirectAndOneFormWithA409() throws Exception {
        long id = Customers.create("alice", Customers.uniqueName("Concurrent form"), List.of("CENTRAL"));
        TestUsers.Csrf csrf = TestUsers.csrf("alice", "/customers/" + id + "/edit");
        List<Response> responses = atOnce(3, () -> TestUsers.formAs("alice", csrf)
                .formParam("name", "Typed name " + Thread.currentThread().getId()).formParam("licenses", "CENTRAL")
                .formParam("version", "0").post("/customers/" + id));
        assertThat(count(responses, 303)).as(statuses(responses)).isEqualTo(1);
        assertThat(count(responses, 409)).as(statuses(responses)).isEqualTo(2);
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.asString()).contains("changed by someone else", "value=\"Typed name "));
    }

    @Test
    void twentyAdditionsOfOneHostAddItOnceAndAllSucceed() throws Exception {
        long id = Customers.create("alice", Customers.uniqueName("Concurrent hosts"), List.of("CENTRAL"));
        String token = TestUsers.token("alice");
        String host = "mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com";
        List<Response> responses = atOnce(20, () -> RestAssured.given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(Map.of("hosts", List.of(host)))
                .post("/api/v1/customers/" + id + "/mcs-hosts"));
        assertThat(count(responses, 200)).as(statuses(responses)).isEqualTo(20);
        assertThat(responses.stream().mapToInt(r -> r.jsonPath().getList("added").size()).sum()).isEqualTo(1);
        assertThat(as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").jsonPath().getList("value")).containsExactly(host);
        assertThat(as("alice").get("/api/v1/customers/" + id + "/allowlist/versions").jsonPath().getList("number"))
                .doesNotHaveDuplicates();
    }

    @Test
    void tenUploadsOfOneLogStoreOneUploadSeenTenTimes() throws Exception {
        long id = Customers.create("alice", Customers.uniqueName("Concurrent uploads"), List.of("CENTRAL"));
        String token = TestUsers.token("alice");
        byte[] log = InstallerLogs.typical("\r\n").getBytes(StandardCharsets.UTF_8);
        List<Response> responses = atOnce(10, () -> RestAssured.given().auth().oauth2(token)
                .contentType("application/octet-stream").body(log)
                .post("/api/v1/customers/" + id + "/installer-logs?fileName=SophosCloudInstaller.log"));
        assertThat(responses).as(statuses(responses)).allMatch(r -> r.statusCode() / 100 == 2);
        assertThat(responses.stream().filter(r -> !r.jsonPath().getBoolean("repeated")).count()).isEqualTo(1);
        assertThat(responses.stream().mapToInt(r -> r.jsonPath().getInt("uploadCount")).max().orElse(0)).isEqualTo(10);
    }

    private static String statuses(List<Response> responses) {
        return responses.stream().map(r -> r.statusCode() + (r.statusCode() >= 500 ? " " + r.asString() : "")).toList().toString();
    }
}
