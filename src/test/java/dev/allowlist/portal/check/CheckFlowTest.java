package dev.allowlist.portal.check;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.export.LocalFirewall;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that come back, and reconciliation, through real HTTP, real logins and a real run of the check script. */
@QuarkusTest
class CheckFlowTest {

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void partners() {
        TestPartners.ensureRegistered();
    }

    static long customer(String user, String name, Map<String, Object> profile) {
        Map<String, Object> body = new HashMap<>(profile);
        body.put("name", name);
        return as(user).contentType(ContentType.JSON).body(body).post("/api/v1/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static String createToken(String user, long id) {
        TestUsers.Csrf csrf = csrf(user, "/customers/" + id);
        String page = formAs(user, csrf).post("/customers/" + id + "/checks/tokens").then().statusCode(200)
                .body(containsString("shown only once")).extract().asString();
        Matcher m = Pattern.compile("/checks/([A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A report as a script of this customer writes it, naming one host of its allowlist. */
    static String report(long customerId, String host, boolean ok) {
        return "{\"schema\":\"allowlist-check/1\",\"scriptVersion\":\"2\",\"customerId\":" + customerId
                + ",\"allowlistVersion\":1,\"machine\":\"pc-07\",\"proxy\":null,\"results\":[{\"host\":\"" + host
                + "\",\"dns\":true,\"ports\":[{\"port\":443,\"ok\":" + ok + ",\"ms\":" + (ok ? "12" : "null")
                + ",\"error\":" + (ok ? "null" : "\"no TLS handshake (curl exit 35)\"") + "}],\"answer\":null}]}";
    }

    static Response post(String token, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/checks/" + token);
    }

    @Test
    void theRealCheckScriptPostsItsReportAndThePagesShowIt() throws Exception {
        String name = "Checked " + UUID.randomUUID().toString().substring(0, 8);
        long id = customer("alice", name, Map.of("licenses", List.of("ENDPOINT"), "wildcardSupport", true));
        String token = createToken("alice", id);
        String script = as("alice").get("/api/v1/customers/" + id + "/allowlist?format=verify-sh").then().statusCode(200)
                .extract().asString();
        List<String> hosts = script.lines().filter(l -> l.startsWith("check ")).map(l -> l.split(" ")[1]).toList();
        assertThat(hosts).contains("sophos.com", "ocsp.digicert.com");
        Path dir = Files.createTempDirectory("check-flow");
        Path file = dir.resolve("verify.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path saved = dir.resolve("report.json");
        try (LocalFirewall firewall = new LocalFirewall(hosts, Set.of("ocsp.digicert.com:80"))) {
            Map<String, String> env = new HashMap<>(firewall.env());
            env.put("ALLOWLIST_REPORT_URL", root.toString() + "checks/" + token);
            env.put("ALLOWLIST_REPORT_FILE", saved.toString());
            LocalFirewall.Run run = LocalFirewall.run(List.of("sh", file.toString()), env);
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("FAIL ocsp.digicert.com (no connection on port 80)", "Report sent to the portal",
                    (hosts.size() - 1) + " passed, 1 failed");
        }

        JsonPath checks = as("alice").get("/api/v1/customers/" + id + "/checks").then().statusCode(200).extract().jsonPath();
        assertThat(checks.getInt("latest.failed")).isEqualTo(1);
        assertThat(checks.getInt("latest.passed")).isEqualTo(hosts.size() - 1);
        assertThat(checks.getString("latest.source")).isEqualTo("script");
        assertThat(checks.getList("latest.hosts.findAll { !it.passed }.host")).containsExactly("ocsp.digicert.com");
        assertThat(checks.getList("latest.hosts.find { it.host == 'ocsp.digicert.com' }.failures")).containsExactly("port-80");
        assertThat(checks.getList("latest.hosts.find { it.host == 'ocsp.digicert.com' }.rules"))
                .contains("endpoint.ocsp-digicert-com");

        as("alice").get("/customers/" + id).then().statusCode(200).body(containsString("id=\"latest-check\""))
                .body(containsString("check-failed")).body(containsString("Port 80 is blocked: certificate revocation"))
                .body(containsString("The last check could not reach ocsp.digicert.com."))
                // the failed host links to the allowlist entry that asks for it, with its reasons
                .body(containsString("href=\"#entry-ocsp.digicert.com\"")).body(containsString("id=\"entry-ocsp.digicert.com\""));
        as("alice").header("Accept-Language", "ja").get("/customers/" + id).then()
                .body(containsString("ポート 80 がブロックされています"));
        as("alice").get("/").then().body(containsString("id=\"attention\"")).body(containsString(name));
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=check-report").then()
                .body("events.summary[0]", containsString("passed, 1 failed (allowlist v1)"))
                .body("events.actorSubject", hasItem(Matchers.startsWith("check:")))
                // the token is the report URL's credential: the history keeps the path without it
                .body("events.resourcePath", hasItem("/checks/")).body(not(containsString(token)));

        // the same run's report, written to a file by the script, uploaded by an editor from the page
        TestUsers.Csrf csrf = csrf("erin", "/customers/" + id);
        as("erin").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "report.json", Files.readAllBytes(saved), "application/json")
                .post("/customers/" + id + "/checks/upload").then().statusCode(303);
        as("alice").get("/api/v1/customers/" + id + "/checks").then().body("latest.source", equalTo("upload"))
                .body("history.size()", equalTo(2));
        TestUsers.Csrf viewer = csrf("victor", "/customers/" + id + "/reconcile");
        as("victor").cookie("csrf-token", viewer.cookie()).multiPart("csrf-token", viewer.field())
                .multiPart("file", "report.json", Files.readAllBytes(saved), "application/json")
                .post("/customers/" + id + "/checks/upload").then().statusCode(403);
    }

    @Test
    void onlyTheTokensCustomerItsSchemaAndItsShareAreAccepted() {
        long a = customer("alice", "Token A " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        long b = customer("alice", "Token B " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        long c = customer("bob", "Token C " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        String ta = createToken("alice", a);
        String tb = createToken("alice", b);
        String tc = createToken("bob", c);
        post(ta, report(a, "sophos.com", true)).then().statusCode(202).body("status", equalTo(202));
        // a report of customer A sent with another customer's token: refused, and nothing of A told
        post(tb, report(a, "sophos.com", true)).then().statusCode(400).body("message", containsString("another customer"));
        post(tc, report(a, "sophos.com", true)).then().statusCode(400).body("message", not(containsString("Token A")));
        post(ta, report(a, "evil.example.com", false)).then().statusCode(400)
                .body("message", containsString("not in this customer's allowlist"));
        post(ta, "{\"schema\":\"allowlist-check/1\",\"unexpected\":1}").then().statusCode(400)
                .body("message", containsString("not a check report"));
        post(ta, "x".repeat(300 * 1024)).then().statusCode(413);
        post("unknown-token-" + "x".repeat(30), report(a, "sophos.com", true)).then().statusCode(404);
        // tenant isolation of the routes around checks
        as("bob").get("/api/v1/customers/" + a + "/checks").then().statusCode(404);
        as("bob").contentType(ContentType.TEXT).body("sophos.com\n").post("/api/v1/customers/" + a + "/reconcile").then()
                .statusCode(404);
        as("bob").get("/customers/" + a + "/reconcile").then().statusCode(404);
        formAs("bob", csrf("bob", "/customers/" + c)).post("/customers/" + a + "/checks/tokens").then().statusCode(404);
        formAs("victor", csrf("victor", "/customers/" + a + "/reconcile")).post("/customers/" + a + "/checks/tokens").then().statusCode(403);
        // revoked: the token finds nothing
        long tokenId = as("alice").get("/api/v1/audit?customerId=" + a + "&resourceType=check-token").then().extract()
                .jsonPath().getLong("events[0].resourceId");
        formAs("alice", csrf("alice", "/customers/" + a)).post("/customers/" + a + "/checks/tokens/" + tokenId + "/revoke")
                .then().statusCode(303);
        post(ta, report(a, "sophos.com", true)).then().statusCode(404);

        // a token's share: six reports a minute, then 429 with Retry-After
        String td = createToken("alice", b);
        for (int i = 0; i < 6; i++) {
            post(td, report(b, "sophos.com", true)).then().statusCode(202);
        }
        Response limited = post(td, report(b, "sophos.com", true));
        limited.then().statusCode(429).body("message", containsString("Too many reports"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        as("alice").get("/api/v1/customers/" + b + "/checks").then().body("history.size()", equalTo(6));
    }

    @Test
    void reconciliationAnswersAsJsonPageAndCsvAndFeedsTheAttentionLists() {
        String name = "Reconciled " + UUID.randomUUID().toString().substring(0, 8);
        long id = customer("alice", name, Map.of("licenses", List.of("ENDPOINT"), "wildcardSupport", true));
        String squid = as("alice").get("/api/v1/customers/" + id + "/allowlist?format=squid").then().extract().asString();
        String broken = squid.replace("\nocsp.digicert.com\n", "\n") + ".amazonaws.com\n";
        as("alice").contentType(ContentType.TEXT).body(broken).post("/api/v1/customers/" + id + "/reconcile").then()
                .statusCode(200).body("format", equalTo("squid")).body("missing", equalTo(1)).body("broader", equalTo(1))
                .body("extra", equalTo(0))
                .body("required.find { it.status == 'MISSING' }.value", equalTo("ocsp.digicert.com"))
                .body("firewall.find { it.status == 'BROADER' }.text", equalTo(".amazonaws.com"));
        String panos = as("alice").get("/api/v1/customers/" + id + "/allowlist?format=panos-url").then().extract().asString()
                .replace("\namazonaws.com/\n", "\namazonaws.com\n");
        as("alice").contentType(ContentType.TEXT).body(panos).post("/api/v1/customers/" + id + "/reconcile?format=panos-url")
                .then().statusCode(200).body("missing", equalTo(0))
                .body("required.find { it.value == 'amazonaws.com' }.status", equalTo("COVERED"))
                .body("firewall.find { it.text == 'amazonaws.com' }.overMatches", equalTo(true));
        // only the latest reconciliation counts: the earlier one that missed an entry no longer lists the customer
        assertThat(attentionSection(as("alice").get("/").then().extract().asString())).doesNotContain(name);
        as("alice").contentType(ContentType.TEXT).body("sophos.com").post("/api/v1/customers/" + id + "/reconcile?format=docx")
                .then().statusCode(400).body("message", containsString("squid"));
        as("alice").contentType(ContentType.TEXT).body(" ").post("/api/v1/customers/" + id + "/reconcile").then().statusCode(400);

        // the last one found nothing missing; a broken one puts the customer on the attention lists
        as("alice").contentType(ContentType.TEXT).body(broken).post("/api/v1/customers/" + id + "/reconcile").then().statusCode(200);
        as("alice").get("/customers/" + id).then().body(containsString("The firewall does not allow ocsp.digicert.com"));
        assertThat(attentionSection(as("alice").get("/").then().extract().asString())).contains(name);

        // the page: paste, compare, download CSV; "mark applied" when nothing is missing
        as("alice").get("/customers/" + id + "/reconcile").then().statusCode(200).body(containsString("name=\"list\""));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id + "/reconcile");
        as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field()).multiPart("list", squid)
                .multiPart("format", "auto").multiPart("output", "page").post("/customers/" + id + "/reconcile").then()
                .statusCode(200).body(containsString("Nothing is missing for v1")).body(containsString("Mark v1 applied"));
        String csv = as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field()).multiPart("list", broken)
                .multiPart("format", "squid").multiPart("output", "csv").post("/customers/" + id + "/reconcile").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("side,value,kind,status,firewall entry,line\n")
                .contains("required,ocsp.digicert.com,exact,missing,,").contains("firewall,.amazonaws.com,,broader,");
        as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field()).multiPart("list", "")
                .multiPart("format", "auto").post("/customers/" + id + "/reconcile").then().statusCode(400)
                .body(containsString("Paste the firewall"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("carol")
                .get("/api/v1/audit?customerId=" + id + "&resourceType=reconciliation").then()
                .body("events.summary", hasItem("Firewall configuration reconciled (squid): 1 missing, 1 broader, 0 extra")));
    }

    /** The dashboard's "needs attention" section, or nothing when the page has none. */
    static String attentionSection(String dashboard) {
        int start = dashboard.indexOf("id=\"attention\"");
        return start < 0 ? "" : dashboard.substring(start, dashboard.indexOf("</section>", start));
    }
}
