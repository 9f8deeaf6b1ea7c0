package dev.allowlist.portal.notify;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.platform.CatalogPublishingTest;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications through real parts: a real SMTP server (GreenMail on 127.0.0.1:3925, where the test
 * profile's mailer sends), a real HTTP receiver in this JVM (the JDK's server), the real delivery
 * worker on its schedule, real logins and forms.
 */
@QuarkusTest
class NotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GreenMail smtp;
    private static HttpServer receiver;
    /** What each path of the receiver got, in order. */
    private static final Map<String, List<Received>> RECEIVED = new HashMap<>();
    /** How many more requests each path answers 500 before it answers 204. */
    private static final Map<String, AtomicInteger> FAILURES = new HashMap<>();

    record Received(Map<String, String> headers, String body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @Inject
    Watch watch;

    @Inject
    DeliveryWorker worker;

    @Inject
    Scheduler scheduler;

    @BeforeAll
    static void servers() throws Exception {
        smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (RECEIVED) {
                RECEIVED.computeIfAbsent(path, p -> new ArrayList<>()).add(new Received(headers, body, Instant.now()));
                AtomicInteger failures = FAILURES.get(path);
                status = failures != null && failures.getAndDecrement() > 0 ? 500 : 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        // the subscriptions made here go, so that later test classes' changes enqueue nothing
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM subscription");
            st.execute("DELETE FROM member_digest");
        }
        receiver.stop(0);
        smtp.stop();
    }

    @BeforeEach
    void partners() {
        TestPartners.ensureRegistered();
        // each test hears only of its own subscriptions (the receiver's paths are its own too)
        owner("DELETE FROM subscription");
        owner("DELETE FROM member_digest");
    }

    @AfterEach
    void schedulerRuns() {
        scheduler.resume();
    }

    static String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static List<Received> received(String path) {
        synchronized (RECEIVED) {
            return List.copyOf(RECEIVED.getOrDefault(path, List.of()));
        }
    }

    static void failNext(String path, int times) {
        synchronized (RECEIVED) {
            FAILURES.put(path, new AtomicInteger(times));
        }
    }

    static long customer(String user, String name) {
        return as(user).contentType(ContentType.JSON).body(Map.of("name", name, "licenses", List.of("ENDPOINT")))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Subscribes as this partner admin through the page's form; returns the page the form answers with. */
    static Response subscribe(String user, Map<String, String> fields) {
        TestUsers.Csrf csrf = csrf(user, "/notifications");
        return formAs(user, csrf).formParams(fields).post("/notifications/subscriptions");
    }

    /** A webhook subscription's secret, as its page shows it once. */
    static String secretOf(Response page) {
        page.then().statusCode(200).body(containsString("shown only once"));
        Matcher m = Pattern.compile("whsec_[A-Za-z0-9+/=]+").matcher(page.asString());
        assertThat(m.find()).isTrue();
        return m.group();
    }

    static long subscriptionId(String target) {
        return ownerLong("SELECT id FROM subscription WHERE target = '"
                + target.replace("'", "''") + "' ORDER BY id DESC LIMIT 1");
    }

    /** Nothing of this subscription is waiting in the outbox: whatever it was to get has been sent. */
    static boolean drained(long subscription) {
        return ownerLong("SELECT count(*) FROM outbox WHERE subscription_id = " + subscription + " AND status = 'pending'") == 0;
    }

    static long ownerLong(String sql) {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void owner(String sql) {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Standard Webhooks check, written out here as a receiver would (not with the portal's class):
     * HMAC-SHA256 over "id.timestamp.body" with the base64 key after "whsec_", compared with each
     * "v1,..." of the header.
     */
    static boolean verifies(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((r.header("webhook-id") + "."
                + r.header("webhook-timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : r.header("webhook-signature").split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    /** Runs docs/examples/verify_webhook.py (python3 is on every machine of this kind; Debian package python3). */
    static String python(String secret, String id, String timestamp, String signature, String body, String now)
            throws Exception {
        Path file = Files.createTempFile("webhook", ".json");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("python3", "docs/examples/verify_webhook.py", secret, id, timestamp,
                signature, file.toString()));
        if (now != null) {
            command.add(now);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output;
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSignedEventThreeTimesUnderOneId() throws Exception {
        String target = hook("/flaky");
        failNext("/flaky", 2);
        String secret = secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "versionEvents", "true")));
        long subscription = subscriptionId(target);
        String name = "Hooked " + UUID.randomUUID().toString().substring(0, 8);
        long id = customer("alice", name);

        // delivered, and nothing left in the outbox for this endpoint: no further attempt can come
        Awaitility.await("three attempts").atMost(Duration.ofSeconds(20))
                .until(() -> received("/flaky").size() >= 3 && drained(subscription));
        List<Received> got = received("/flaky");
        assertThat(got).hasSize(3);
        assertThat(got).extracting(r -> r.header("webhook-id")).containsOnly(got.get(0).header("webhook-id"));
        assertThat(got.get(0).header("webhook-id")).startsWith("msg_");
        for (Received r : got) {
            assertThat(verifies(secret, r)).as(r.header("webhook-signature")).isTrue();
            assertThat(Math.abs(Long.parseLong(r.header("webhook-timestamp")) - Instant.now().getEpochSecond())).isLessThan(300);
            assertThat(r.header("content-type")).startsWith("application/json");
        }
        assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), got.get(0))).isFalse();
        // the README's Python verifier accepts the real delivery and the specification's reference vector,
        // and refuses the delivery with one byte changed
        Received last = got.get(2);
        assertThat(python(secret, last.header("webhook-id"), last.header("webhook-timestamp"), last.header("webhook-signature"),
                last.body(), null)).isEqualTo("valid");
        assertThat(python(secret, last.header("webhook-id"), last.header("webhook-timestamp"), last.header("webhook-signature"),
                last.body().replace("Hooked", "Hookee"), null)).isEqualTo("INVALID");
        assertThat(python("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "{\"test\": 2432232314}", "1614265330")).isEqualTo("valid");
        JsonNode event = JSON.readTree(got.get(2).body());
        assertThat(event.path("type").asText()).isEqualTo("allowlist.version.created");
        assertThat(event.path("data").path("customerId").asLong()).isEqualTo(id);
        assertThat(event.path("data").path("customerName").asText()).isEqualTo(name);
        assertThat(event.path("data").path("version").asInt()).isEqualTo(1);
        assertThat(event.path("data").path("cause").asText()).isEqualTo("customer-created");
        assertThat(event.path("data").path("link").asText()).endsWith("/customers/" + id + "/changes");

        // the delivery log: each attempt with its response code
        as("alice").get("/notifications/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                .body(containsString("<td>1</td><td>500</td>")).body(containsString("<td>2</td><td>500</td>"))
                .body(containsString("<td>3</td><td>204</td>"));
        as("erin").get("/notifications/subscriptions/" + subscription + "/deliveries").then().statusCode(403);
        // the history names the subscription without its secret
        as("carol").get("/api/v1/audit?resourceType=subscription").then().statusCode(200)
                .body("events.summary", hasItem("Subscription created: webhook " + target)).body(not(containsString("whsec_")));
    }

    @Test
    void anEventWaitingForItsRetrySurvivesTheWorkerStoppingAndAnInstanceDyingMidDelivery() throws Exception {
        String target = hook("/restart");
        failNext("/restart", 1);
        String secret = secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "versionEvents", "true")));
        long subscription = subscriptionId(target);
        customer("alice", "Restart " + UUID.randomUUID());
        Awaitility.await("first attempt").atMost(Duration.ofSeconds(10)).until(() -> received("/restart").size() == 1);

        // the worker stops (as the process would) with the retry due: nothing is sent, nothing is lost
        scheduler.pause();
        int before = received("/restart").size();
        assertThat(before).isEqualTo(1);
        // longer than a poll and the retry's backoff together: the worker would have sent it by now
        Awaitility.await("nothing sent while the worker is stopped").during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5)).until(() -> received("/restart").size() == before);
        assertThat(ownerLong("SELECT count(*) FROM outbox WHERE subscription_id = " + subscription + " AND status = 'pending' "
                + "AND attempts = 1")).isEqualTo(1);

        // another instance holds the row mid-delivery: this one skips it (FOR UPDATE SKIP LOCKED) ...
        Connection other = TestDatabase.owner();
        other.setAutoCommit(false);
        other.createStatement().execute("SELECT id FROM outbox WHERE subscription_id = " + subscription + " FOR UPDATE");
        worker.deliverDue();
        assertThat(received("/restart")).hasSize(before);
        // ... and dies without committing: its lock goes with its connection, and the event goes out
        other.close();
        scheduler.resume();
        Awaitility.await("delivered after the restart").atMost(Duration.ofSeconds(10))
                .until(() -> received("/restart").size() == before + 1);
        List<Received> got = received("/restart");
        assertThat(got.get(got.size() - 1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(verifies(secret, got.get(got.size() - 1))).isTrue();
        assertThat(ownerLong("SELECT count(*) FROM outbox WHERE subscription_id = " + subscription
                + " AND status = 'delivered' AND attempts = 2")).isEqualTo(1);
    }

    @Test
    void eventsOfOneEndpointGoOutOneAtATimeInOrder() throws Exception {
        String target = hook("/ordered");
        failNext("/ordered", 1);
        secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "versionEvents", "true")));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(customer("alice", "Ordered " + i + " " + UUID.randomUUID()));
        }
        Awaitility.await("all three").atMost(Duration.ofSeconds(15)).until(() -> received("/ordered").size() == 4);
        List<Long> order = new ArrayList<>();
        for (Received r : received("/ordered")) {
            order.add(JSON.readTree(r.body()).path("data").path("customerId").asLong());
        }
        // the first failed once: the others waited behind it rather than overtaking it
        assertThat(order).containsExactly(ids.get(0), ids.get(0), ids.get(1), ids.get(2));
    }

    @Test
    void privateAddressesAreRefusedWhenSubscribingAndAgainAtDelivery() {
        for (String url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://localhost:" + receiver.getAddress().getPort() + "/ssrf", "http://[::1]/hook", "http://192.168.0.10/")) {
            subscribe("alice", Map.of("kind", "webhook", "target", url, "versionEvents", "true")).then().statusCode(400)
                    .body(containsString("private, loopback or link-local address"))
                    // the form comes back as typed
                    .body(containsString("value=\"" + url.replace("&", "&amp;") + "\""));
        }
        subscribe("alice", Map.of("kind", "webhook", "target", "ftp://hooks.example.com/x", "versionEvents", "true"))
                .then().statusCode(400).body(containsString("Webhooks go to https URLs only."));
        subscribe("alice", Map.of("kind", "webhook", "target", "https://user:pw@hooks.example.com/x", "versionEvents", "true"))
                .then().statusCode(400).body(containsString("no user name or password"));
        subscribe("alice", Map.of("kind", "webhook", "target", hook("/x"), "pendingDays", "0"))
                .then().statusCode(400).body(containsString("Between 1 and 365.")).body(containsString("value=\"0\""));
        subscribe("alice", Map.of("kind", "email", "target", "not an address", "versionEvents", "true"))
                .then().statusCode(400).body(containsString("Not an e-mail address."));
        assertThat(TestPartners.count("subscription WHERE target LIKE '%ssrf%' OR target LIKE '%10.1.2.3%'")).isZero();

        // a subscription whose host later points somewhere private is refused at delivery, on the addresses then
        String target = hook("/later-private");
        secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "versionEvents", "true")));
        long subscription = subscriptionId(target);
        String moved = "http://localhost:" + receiver.getAddress().getPort() + "/later-private";
        owner("UPDATE subscription SET target = '" + moved + "' WHERE id = " + subscription);
        TestUsers.Csrf csrf = csrf("alice", "/notifications");
        formAs("alice", csrf).post("/notifications/subscriptions/" + subscription + "/test").then().statusCode(303);
        Awaitility.await("refused attempt").atMost(Duration.ofSeconds(10)).until(() -> ownerLong(
                "SELECT count(*) FROM delivery_attempt WHERE subscription_id = " + subscription) >= 1);
        assertThat(received("/later-private")).isEmpty();
        as("alice").get("/notifications/subscriptions/" + subscription + "/deliveries").then()
                .body(containsString("refused: error.webhook.private"));
    }

    @Test
    void aPartnerNeverHearsOfAnotherPartnersCustomers() throws Exception {
        String acme = hook("/acme-only");
        String globex = hook("/globex-only");
        secretOf(subscribe("alice", Map.of("kind", "webhook", "target", acme, "versionEvents", "true")));
        secretOf(subscribe("bob", Map.of("kind", "webhook", "target", globex, "versionEvents", "true")));
        long acmeSubscription = subscriptionId(acme);
        long globexSubscription = subscriptionId(globex);
        long acmeCustomer = customer("alice", "Acme secret " + UUID.randomUUID());
        long globexCustomer = customer("bob", "Globex secret " + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/acme-only").size() >= 1
                && received("/globex-only").size() >= 1 && drained(acmeSubscription) && drained(globexSubscription));
        for (Received r : received("/acme-only")) {
            JsonNode data = JSON.readTree(r.body()).path("data");
            assertThat(data.path("partner").asText()).isEqualTo("acme");
            assertThat(data.path("customerId").asLong()).isNotEqualTo(globexCustomer);
        }
        for (Received r : received("/globex-only")) {
            JsonNode data = JSON.readTree(r.body()).path("data");
            assertThat(data.path("partner").asText()).isEqualTo("globex");
            assertThat(data.path("customerId").asLong()).isNotEqualTo(acmeCustomer);
        }
        // another partner's subscription is not found, whatever the route
        as("bob").get("/notifications/subscriptions/" + acmeSubscription + "/deliveries").then().statusCode(404);
        TestUsers.Csrf csrf = csrf("bob", "/notifications");
        for (String action : List.of("test", "rotate", "enable", "delete")) {
            formAs("bob", csrf).post("/notifications/subscriptions/" + acmeSubscription + "/" + action).then().statusCode(404);
        }
        formAs("bob", csrf).post("/notifications/subscriptions/999999999/delete").then().statusCode(404);
        as("bob").get("/notifications").then().statusCode(200).body(not(containsString(acme)));
        // and a subscription only for one customer hears of that customer alone
        assertThat(TestPartners.count("subscription WHERE id = " + acmeSubscription)).isEqualTo(1);
        subscribe("alice", Map.of("kind", "webhook", "target", hook("/x"), "customerId", String.valueOf(globexCustomer),
                "versionEvents", "true")).then().statusCode(400).body(containsString("No such customer."));
    }

    @Test
    void emailsComeInTheSubscribersLanguageWithAPlainTextPartAndAOneClickUnsubscribe() throws Exception {
        String address = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        TestUsers.Csrf csrf = csrf("alice", "/notifications");
        formAs("alice", csrf).header("Accept-Language", "ja").formParams(Map.of("kind", "email", "target", address,
                "versionEvents", "true")).post("/notifications/subscriptions").then().statusCode(303);
        long subscription = subscriptionId(address);
        String name = "Mailed " + UUID.randomUUID().toString().substring(0, 8);
        customer("alice", name);
        MimeMessage mail = awaitMail(address, name);
        assertThat(mail.getSubject()).contains(name).contains("許可リスト");
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        String text = parts(mail);
        assertThat(text).contains("text/plain").contains("text/html").contains(name + ": 許可リストのバージョン 1 (顧客の作成)。")
                .contains("配信停止");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Matcher m = Pattern.compile("<https?://[^/]+(/notifications/unsubscribe/[A-Za-z0-9_-]+)>").matcher(unsubscribe);
        assertThat(m.matches()).as(unsubscribe).isTrue();
        String path = m.group(1);

        // the link's page asks and changes nothing; a mail client's one-click POST unsubscribes, no login
        given().redirects().follow(false).get(path).then().statusCode(200).body(containsString("<form"));
        assertThat(TestPartners.count("subscription WHERE enabled AND id = " + subscription)).isEqualTo(1);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post(path).then().statusCode(200);
        assertThat(TestPartners.count("subscription WHERE NOT enabled AND id = " + subscription)).isEqualTo(1);
        given().redirects().follow(false).contentType(ContentType.URLENC).post("/notifications/unsubscribe/"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);
        int before = mailsTo(address);
        long queued = ownerLong("SELECT count(*) FROM outbox WHERE subscription_id = " + subscription);
        customer("alice", "After unsubscribe " + UUID.randomUUID());
        // the event would have been queued in the customer's own transaction, which has committed: it was not
        assertThat(ownerLong("SELECT count(*) FROM outbox WHERE subscription_id = " + subscription)).isEqualTo(queued);
        assertThat(drained(subscription)).isTrue();
        assertThat(mailsTo(address)).isEqualTo(before);
        as("carol").get("/api/v1/audit?resourceType=subscription").then()
                .body("events.summary", hasItem("Unsubscribed by the recipient: " + address));
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledWithABannerAndAnEmailToTheAdmins() throws Exception {
        String target = hook("/down");
        failNext("/down", 1000);
        secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "catalogEvents", "true")));
        long subscription = subscriptionId(target);
        TestUsers.Csrf csrf = csrf("alice", "/notifications");
        formAs("alice", csrf).post("/notifications/subscriptions/" + subscription + "/test").then().statusCode(303);
        // the test profile allows 4 attempts: 200 ms, 400 ms, 800 ms apart
        Awaitility.await("disabled").atMost(Duration.ofSeconds(20))
                .until(() -> TestPartners.count("subscription WHERE NOT enabled AND id = " + subscription) == 1);
        assertThat(received("/down")).hasSize(4);
        assertThat(JSON.readTree(received("/down").get(0).body()).path("type").asText()).isEqualTo("test");
        as("alice").get("/").then().statusCode(200).body(containsString("Disabled: " + target));
        as("alice").get("/notifications").then().body(containsString("Disabled: " + target));
        MimeMessage told = awaitMail("alice@example.com", target);
        assertThat(told.getSubject()).isEqualTo("Notifications to " + target + " are disabled");

        // fixed and enabled again: what it missed goes out, under the same id
        failNext("/down", 0);
        formAs("alice", csrf).post("/notifications/subscriptions/" + subscription + "/enable").then().statusCode(303);
        Awaitility.await("sent again").atMost(Duration.ofSeconds(10)).until(() -> received("/down").size() == 5);
        assertThat(received("/down").get(4).header("webhook-id")).isEqualTo(received("/down").get(0).header("webhook-id"));
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneAndTheSlackBodyIsText() throws Exception {
        String target = hook("/rotated");
        String first = secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "catalogEvents", "true",
                "slackFormat", "true")));
        long subscription = subscriptionId(target);
        TestUsers.Csrf csrf = csrf("alice", "/notifications");
        String second = secretOf(formAs("alice", csrf).post("/notifications/subscriptions/" + subscription + "/rotate"));
        assertThat(second).isNotEqualTo(first);
        formAs("alice", csrf).post("/notifications/subscriptions/" + subscription + "/test").then().statusCode(303);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/rotated").size() == 1);
        Received r = received("/rotated").get(0);
        assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(first, r)).isTrue();
        assertThat(verifies(second, r)).isTrue();
        assertThat(JSON.readTree(r.body()).path("text").asText()).contains("A test event from the Allowlist Portal.");
        as("carol").get("/api/v1/audit?resourceType=subscription").then().body("events.summary", hasItem("Webhook secret rotated"))
                .body(not(containsString(second)));
    }

    @Test
    void aCatalogPublicationIsOneEventPerPartnerNotOnePerCustomer() throws Exception {
        String acme = hook("/catalog-acme");
        String globex = hook("/catalog-globex");
        secretOf(subscribe("alice", Map.of("kind", "webhook", "target", acme, "versionEvents", "true", "catalogEvents", "true")));
        secretOf(subscribe("bob", Map.of("kind", "webhook", "target", globex, "catalogEvents", "true")));
        long acmeSubscription = subscriptionId(acme);
        long globexSubscription = subscriptionId(globex);
        for (int i = 0; i < 3; i++) {
            customer("alice", "Catalogued " + i + " " + UUID.randomUUID());
        }
        customer("bob", "Catalogued globex " + UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/catalog-acme").size() >= 3);
        int versionEventsBefore = received("/catalog-acme").size();

        // the bundled catalog without t1.sophosupd.com: every explicit ENDPOINT customer gets a new version
        String id = "sophos-central-notify-" + UUID.randomUUID().toString().substring(0, 8);
        CatalogPublishingTest.upload(CatalogPublishingTest.withoutT1(id), 303);
        try {
            CatalogPublishingTest.publishAndWait(id);
            long acmeChanged = ownerLong("SELECT count(DISTINCT customer_id) FROM allowlist_version WHERE partner_id = 'acme' "
                    + "AND cause = 'catalog-published' AND catalog_version = '" + id + "'");
            assertThat(acmeChanged).isGreaterThanOrEqualTo(3);
            Awaitility.await("one event each").atMost(Duration.ofSeconds(10))
                    .until(() -> received("/catalog-acme").size() > versionEventsBefore && !received("/catalog-globex").isEmpty()
                            && drained(acmeSubscription) && drained(globexSubscription));
            List<Received> acmeGot = received("/catalog-acme").subList(versionEventsBefore, received("/catalog-acme").size());
            assertThat(acmeGot).hasSize(1); // not one per customer: the versions it made are in the one event's count
            JsonNode event = JSON.readTree(acmeGot.get(0).body());
            assertThat(event.path("type").asText()).isEqualTo("catalog.published");
            assertThat(event.path("data").path("catalogVersion").asText()).isEqualTo(id);
            assertThat(event.path("data").path("customersChanged").asLong()).isEqualTo(acmeChanged);
            assertThat(event.path("data").path("partner").asText()).isEqualTo("acme");
            List<Received> globexGot = received("/catalog-globex");
            assertThat(globexGot).hasSize(1);
            assertThat(JSON.readTree(globexGot.get(0).body()).path("data").path("partner").asText()).isEqualTo("globex");
        } finally {
            CatalogPublishingTest.publishAndWait("sophos-central-2026.11");
        }
    }

    @Test
    void aCheckThatFindsBlockedHostsIsAnnouncedAndOneThatPassesIsNot() throws Exception {
        String target = hook("/checks");
        secretOf(subscribe("alice", Map.of("kind", "webhook", "target", target, "checkEvents", "true")));
        long subscription = subscriptionId(target);
        String name = "Checked " + UUID.randomUUID().toString().substring(0, 8);
        long id = customer("alice", name);
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        String page = formAs("alice", csrf).post("/customers/" + id + "/checks/tokens").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("/checks/([A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        for (boolean ok : new boolean[] { true, false }) {
            String report = "{\"schema\":\"allowlist-check/1\",\"scriptVersion\":\"2\",\"customerId\":" + id
                    + ",\"allowlistVersion\":1,\"machine\":\"pc-" + ok + "\",\"proxy\":null,\"results\":[{\"host\":"
                    + "\"ocsp.digicert.com\",\"dns\":true,\"ports\":[{\"port\":80,\"ok\":" + ok + ",\"ms\":null,"
                    + "\"error\":null}],\"answer\":null}]}";
            given().contentType(ContentType.JSON).body(report).post("/checks/" + token).then().statusCode(202);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/checks").size() >= 1 && drained(subscription));
        assertThat(received("/checks")).hasSize(1); // the passing run told nobody
        JsonNode event = JSON.readTree(received("/checks").get(0).body());
        assertThat(event.path("type").asText()).isEqualTo("check.failed");
        assertThat(event.path("data").path("customerName").asText()).isEqualTo(name);
        assertThat(event.path("data").path("machine").asText()).isEqualTo("pc-false");
        assertThat(event.path("data").path("failed").asInt()).isEqualTo(1);
        assertThat(event.path("data").path("failedHosts").get(0).asText()).isEqualTo("ocsp.digicert.com");
        assertThat(event.path("data").path("link").asText()).endsWith("/customers/" + id + "#latest-check");
    }

    @Test
    void aMembersDigestSummarisesWhatChangedSinceTheLastOne() throws Exception {
        TestUsers.Csrf csrf = csrf("erin", "/notifications");
        formAs("erin", csrf).formParam("frequency", "hourly").post("/notifications/digest").then().statusCode(400)
                .body(containsString("Choose none, daily or weekly."));
        formAs("erin", csrf).header("Accept-Language", "ja").formParam("frequency", "daily").post("/notifications/digest")
                .then().statusCode(303);
        as("erin").get("/notifications").then().body(containsString("You get a daily digest at erin@example.com."));
        customer("alice", "Digest " + UUID.randomUUID());
        // nothing is due until a day has passed
        int before = mailsTo("erin@example.com");
        watch.sendDueDigests();
        assertThat(mailsTo("erin@example.com")).isEqualTo(before);
        owner("UPDATE member_digest SET last_sent_at = now() - interval '25 hours' WHERE subject = 'erin'");
        assertThat(watch.sendDueDigests()).isGreaterThanOrEqualTo(1);
        MimeMessage digest = awaitMail("erin@example.com", "ダイジェスト");
        String body = parts(digest);
        assertThat(body).contains("顧客の作成: ").contains("未適用の変更がある顧客: ").doesNotContain("{0}");
        // sent once: a second look right after sends nothing more
        int after = mailsTo("erin@example.com");
        watch.sendDueDigests();
        assertThat(mailsTo("erin@example.com")).isEqualTo(after);
        formAs("erin", csrf).formParam("frequency", "off").post("/notifications/digest").then().statusCode(303);
        assertThat(TestPartners.count("member_digest WHERE subject = 'erin'")).isZero();
        // editors manage their digest, not the partner's subscriptions
        subscribe("erin", Map.of("kind", "webhook", "target", hook("/erin"), "versionEvents", "true")).then().statusCode(403);
    }

    static int mailsTo(String address) {
        int n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                for (Address to : m.getAllRecipients()) {
                    n += to.toString().equals(address) ? 1 : 0;
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    /** Each part of a mail, decoded, after its content type. */
    static String parts(MimeMessage m) {
        try {
            StringBuilder all = new StringBuilder();
            if (m.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(multipart.getBodyPart(i).getContentType()).append('\n')
                            .append(multipart.getBodyPart(i).getContent()).append('\n');
                }
            } else {
                all.append(m.getContentType()).append('\n').append(m.getContent());
            }
            return all.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest mail to this address whose subject or body holds the text. */
    static MimeMessage awaitMail(String address, String text) {
        MimeMessage[] found = new MimeMessage[1];
        Awaitility.await("mail to " + address + " about " + text).atMost(Duration.ofSeconds(15)).until(() -> {
            List<MimeMessage> messages = new ArrayList<>(List.of(smtp.getReceivedMessages()));
            Collections.reverse(messages);
            for (MimeMessage m : messages) {
                for (Address to : m.getAllRecipients()) {
                    if (to.toString().equals(address) && (m.getSubject().contains(text) || parts(m).contains(text))) {
                        found[0] = m;
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }
}
