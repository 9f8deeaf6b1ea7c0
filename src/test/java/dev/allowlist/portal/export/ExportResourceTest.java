package dev.allowlist.portal.export;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ExportFormats;
import dev.allowlist.portal.feed.FeedPulls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportResourceTest {

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

    @Test
    void aNewVersionOnlyWhenTheContentChanges() {
        long id = customer("alice", "Versions " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT"),
                "wildcardSupport", true));
        as("alice").get("/api/v1/customers/" + id + "/allowlist/versions").then().body("number", Matchers.contains(1))
                .body("[0].cause", equalTo("customer-created"));
        Map<String, Object> body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.put("notes", "only a note");
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("covered.sophos.com")))
                .post("/api/v1/customers/" + id + "/mcs-hosts").then().statusCode(200); // covered by *.sophos.com
        as("alice").get("/api/v1/customers/" + id + "/allowlist/versions").then().body("number", Matchers.contains(1));
        body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.put("licenses", List.of("EDR"));
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200);
        as("alice").get("/api/v1/customers/" + id + "/allowlist/versions").then()
                .body("number", Matchers.contains(2, 1)).body("[0].cause", equalTo("profile-changed"));
        as("alice").get("/api/v1/customers/" + id + "/allowlist").then().body("version", equalTo(2));
    }

    /**
     * Squid's .sophos.com already stands for sophos.com: the export menu says so apart from what a format
     * cannot write at all (issue 16: "covered by another entry" is not "cannot be expressed").
     */
    @Test
    void theExportMenuShowsWhatAnotherEntryCoversApartFromWhatCannotBeWritten() {
        long id = customer("alice", "Covered " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT", "AD_SYNC"),
                "regions", List.of("eu-west-1"), "wildcardSupport", true));
        String html = as("alice").get("/customers/" + id).then().statusCode(200).extract().asString();
        int start = html.indexOf("?format=squid\"");
        String squid = html.substring(start, html.indexOf("</tr>", start));
        assertThat(squid).contains("Covered by another entry of the file, nothing lost:")
                .contains("<code>sophos.com</code> → <code>.sophos.com</code>");
        assertThat(squid.substring(0, squid.indexOf("<small class=\"covered\">")))
                .as("what is covered is not listed as impossible to write").doesNotContain("<code>sophos.com</code>");
        // a format that covers nothing shows no such line
        int txt = html.indexOf("?format=txt\"");
        assertThat(html.substring(txt, html.indexOf("</tr>", txt))).doesNotContain("class=\"covered\"");
        // and in Japanese
        String ja = as("alice").cookie("lang", "ja").get("/customers/" + id).then().statusCode(200).extract().asString();
        assertThat(ja).contains("ファイル内の別のエントリに包含（欠落なし）:");
    }

    @Test
    void everyFormatDownloadsWithItsTypeAndFileNameAndIsAudited() {
        long id = customer("alice", "Sakura Trading K.K.", Map.of("licenses", List.of("ENDPOINT"), "wildcardSupport", true));
        Map<String, String> types = Map.ofEntries(Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
                Map.entry("json", "application/json"), Map.entry("squid", "text/plain"),
                Map.entry("pac", "application/x-ns-proxy-autoconfig"), Map.entry("panos-url", "text/plain"),
                Map.entry("fortigate-cli", "text/plain"), Map.entry("cisco-fmc-objects", "application/json"),
                Map.entry("sophos-firewall-xml", "application/xml"), Map.entry("panos-decrypt-exclusion", "text/plain"),
                Map.entry("fortigate-ssl-exempt", "text/plain"), Map.entry("sophos-firewall-tls-exclusion", "application/xml"),
                Map.entry("verify-ps1", "text/plain"), Map.entry("verify-sh", "text/x-shellscript"),
                // retired: they answer (feeds and scripts depend on them) but leave the menu
                Map.entry("panos-edl", "text/plain"), Map.entry("fortigate", "text/plain"),
                Map.entry("cisco-fmc", "text/plain"), Map.entry("sophos-firewall", "text/plain"));
        for (ExportFormat format : ExportFormats.all()) {
            String expectedName = "sakura-trading-k-k_v1_" + format.id() + "." + format.extension();
            as("victor").get("/api/v1/customers/" + id + "/allowlist?format=" + format.id()).then().statusCode(200)
                    .contentType(startsWith(types.get(format.id())))
                    .header("Content-Disposition", containsString(expectedName));
            as("victor").get("/exports/customers/" + id + "?format=" + format.id()).then().statusCode(200)
                    .header("Content-Disposition", containsString(expectedName));
        }
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=squid").then()
                .body(containsString("# Customer: Sakura Trading K.K. (#" + id + ")")).body(containsString("\n.sophos.com\n"));
        // one version is one file in a format, whoever downloads it and when: its ETag promises the same bytes
        Response api = as("alice").get("/api/v1/customers/" + id + "/allowlist?format=squid");
        Response again = as("victor").get("/api/v1/customers/" + id + "/allowlist?format=squid");
        Response fromPage = as("victor").get("/exports/customers/" + id + "?format=squid");
        assertThat(again.asString()).isEqualTo(api.asString());
        assertThat(fromPage.asString()).isEqualTo(api.asString());
        assertThat(again.header("ETag")).isEqualTo(api.header("ETag")).isEqualTo(fromPage.header("ETag"));
        String created = as("alice").get("/api/v1/customers/" + id + "/allowlist/versions").then().extract().jsonPath()
                .getString("[0].createdAt");
        assertThat(java.time.Instant.parse(api.asString().lines().filter(l -> l.startsWith("# Generated at: ")).findFirst()
                .orElseThrow().substring("# Generated at: ".length()))).isEqualTo(java.time.OffsetDateTime.parse(created).toInstant());
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=pac&proxy=proxy.corp.example:3128").then()
                .body(containsString("return \"PROXY proxy.corp.example:3128\";"));
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=verify-sh&proxy=proxy.corp.example:3128").then()
                .body(containsString("PROXY=\"${ALLOWLIST_PROXY-proxy.corp.example:3128}\""));
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=pac&proxy=evil\";alert(1)//").then().statusCode(400);
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=docx").then().statusCode(400)
                .body("message", containsString("txt, csv, json"));
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=export").then()
                .body("events.actorSubject", hasItem("victor"))
                .body("events.summary", hasItem("Allowlist exported as squid: sakura-trading-k-k_v1_squid.acl"));
        as("bob").get("/exports/customers/" + id + "?format=txt").then().statusCode(404);
        as("bob").get("/api/v1/customers/" + id + "/allowlist?format=txt").then().statusCode(404);
        String page = as("alice").get("/customers/" + id).then().body(containsString("/exports/customers/" + id + "?format=panos-url"))
                .body(containsString("PAN-OS URL List external dynamic list")).extract().asString();
        for (String retired : List.of("panos-edl", "fortigate", "cisco-fmc", "sophos-firewall")) {
            assertThat(page).doesNotContain("?format=" + retired + "\"").doesNotContain("<option value=\"" + retired + "\"");
        }
    }

    @Test
    void theFirewallProductLeadsTheCustomerPageAndOldClientsKeepIt() {
        long id = customer("alice", "Product " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT"),
                "wildcardSupport", true, "firewallProduct", "fortigate"));
        as("alice").get("/api/v1/customers/" + id).then().body("firewallProduct", equalTo("fortigate"));
        as("alice").get("/customers/" + id).then().body(containsString("id=\"product-lead\""))
                .body(containsString("?format=fortigate-cli")).body(containsString("?format=fortigate-ssl-exempt"))
                .body(containsString("paste it into the CLI"));
        as("alice").header("Accept-Language", "ja").get("/customers/" + id).then()
                .body(containsString("fortigate-cli をダウンロード"));
        // a client that does not know the field keeps the stored value
        Map<String, Object> body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.remove("firewallProduct");
        body.put("notes", "an old client");
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200)
                .body("firewallProduct", equalTo("fortigate"));
        body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.put("firewallProduct", "checkpoint");
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(400)
                .body("message", containsString("firewall product"));
        body.put("firewallProduct", "none");
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200)
                .body("firewallProduct", equalTo(null));
        as("alice").get("/customers/" + id).then().body(Matchers.not(containsString("id=\"product-lead\"")));
        // the history records the field
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=customer").then()
                .body(containsString("\"firewallProduct\":\"fortigate\""));
    }

    @Test
    void aJapanCustomerSeesTheRulesItsRegionLacks() {
        long id = customer("alice", "Japan " + UUID.randomUUID(), Map.of("licenses", List.of("EDR", "AD_SYNC"),
                "wildcardSupport", true, "regions", List.of("ap-northeast-1")));
        as("alice").get("/api/v1/customers/" + id + "/allowlist").then().statusCode(200)
                .body("unemitted.rule", Matchers.hasItems("edr.live-terminal-<region>", "edr.mcs-push-server-<region>",
                        "edr.message-upload-<region>", "ad-sync.presigned-url-<region>"))
                .body("unemitted.region", everyItemIs("ap-northeast-1"))
                .body("warnings.code", hasItem("REGION_WITHOUT_RULES"));
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=txt").then()
                .body(containsString("# Not emitted: Region ap-northeast-1: rule edr.live-terminal-<region>"))
                .body(containsString("rule ad-sync.presigned-url-<region>"));
        as("alice").get("/customers/" + id).then().body(containsString("id=\"unemitted\""))
                .body(containsString("live-terminal-&lt;region&gt;.prod.hydra.sophos.com"));
        as("alice").header("Accept-Language", "ja").get("/customers/" + id).then()
                .body(containsString("顧客のリージョンで出力できなかったルール"));
        as("alice").get("/customers/new").then().body(containsString("value=\"ap-northeast-1\""))
                .body(containsString("Japan (ap-northeast-1)"));
    }

    static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return Matchers.everyItem(equalTo(value));
    }

    @Test
    void aFeedOfARetiredFormatKeepsAnsweringAndIsFlaggedForReplacement() throws Exception {
        long id = customer("alice", "Retired " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        formAs("alice", csrf).formParam("format", "panos-edl").post("/exports/customers/" + id + "/feeds").then()
                .statusCode(400).body(containsString("panos-url"));
        // a feed made before the format was retired
        String token = "retired-format-feed-token-" + UUID.randomUUID();
        try (Connection c = TestDatabase.owner();
                PreparedStatement st = c.prepareStatement("INSERT INTO feed (partner_id, customer_id, format, token_hash, "
                        + "created_by, created_at) VALUES ('acme', ?, 'panos-edl', encode(sha256(?::bytea), 'hex'), 'alice', now())")) {
            st.setLong(1, id);
            st.setString(2, token);
            st.executeUpdate();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/feeds/" + token).then().statusCode(200).body(containsString("dci.sophosupd.com\n")));
        as("alice").get("/customers/" + id).then().body(containsString("retired-feed"))
                .body(containsString("replace this feed with one of format panos-url"));
    }

    @Test
    void bulkZipHoldsEveryCustomerOfThePartnerAndNoOther() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        long a = customer("alice", "Bulk A " + marker, Map.of("licenses", List.of("ENDPOINT")));
        long b = customer("alice", "Bulk B " + marker, Map.of("licenses", List.of("EDR")));
        long g = customer("bob", "Bulk G " + marker, Map.of());
        long twin = customer("alice", "Bulk A " + marker, Map.of("licenses", List.of("ENDPOINT")));
        Response zip = as("alice").get("/exports/all.zip?format=txt");
        zip.then().statusCode(200).contentType("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                names.add(e.getName());
            }
        }
        // two customers of one name: both in the ZIP, the second named with its id
        assertThat(names).contains("bulk-a-" + marker + "_v1_txt.txt", "bulk-a-" + marker + "_c" + twin + "_v1_txt.txt",
                "bulk-b-" + marker + "_v1_txt.txt")
                .doesNotContain("bulk-g-" + marker + "_v1_txt.txt");
        as("alice").get("/exports/all.zip?format=nope").then().statusCode(400);
        // exactly alice's three customers of this test, whatever else she has
        assertThat(names.stream().filter(n -> n.contains(marker))).hasSize(3);
        assertThat(List.of(a, b, twin)).doesNotContain(g);
    }

    @Test
    void theCsvSaysWhyInWordsAndKeepsTheRuleIdsApart() {
        long id = customer("alice", "CSV words " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        String csv = as("alice").get("/exports/customers/" + id + "?format=csv").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("value,kind,ports,owner,reasons,rule ids\n")
                .contains("\ncentral.sophos.com,exact,80 443,sophos,Sophos Central Admin domains; Endpoint domains and ports,"
                        + "central.central-sophos-com; endpoint.central-sophos-com\n");
    }

    @Test
    void feedsServeWithoutASessionAnswer304And404AfterRevocationAndAuditEachDelivery() throws Exception {
        long id = customer("alice", "Feed " + UUID.randomUUID(), Map.of("licenses", List.of("ENDPOINT")));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        String page = formAs("alice", csrf).formParam("format", "panos-url").post("/exports/customers/" + id + "/feeds")
                .then().statusCode(200).body(containsString("shown only once")).extract().asString();
        // absolute, from the configured public address, with a copy button; the format by its vendor's name
        assertThat(page).containsPattern("<code class=\"feed-url\" id=\"feed-url\">https://portal\\.example\\.test/feeds/[A-Za-z0-9_-]{40,}</code>")
                .contains("data-copy=\"feed-url\"").contains("as its Palo Alto Networks PAN-OS, URL list source");
        Matcher m = Pattern.compile("(/feeds/[A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(m.find()).isTrue();
        String url = m.group(1);
        long feedId = as("alice").get("/api/v1/audit?customerId=" + id + "&resourceType=feed&operation=CREATE").then()
                .extract().jsonPath().getLong("events[0].resourceId");

        Response first = given().redirects().follow(false).get(url);
        first.then().statusCode(200).body(containsString("dci.sophosupd.com/\n")).header("ETag", startsWith("\""));
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304);
        // the firewall polls on: the same version to the same address is counted, not audited again
        for (int i = 0; i < 8; i++) {
            given().get(url).then().statusCode(200);
        }
        feedPulls.flush();
        as("alice").get("/customers/" + id).then().body(containsString("<td>10</td>"));
        assertThat(TestPartners.count("feed WHERE id = " + feedId + " AND pull_count = 10 AND not_modified_count = 1 "
                + "AND last_client = '127.0.0.1'")).isEqualTo(1);
        given().get("/feeds/" + "x".repeat(43)).then().statusCode(404).body(equalTo(""));

        // a profile change moves the ETag: the new version's first delivery is audited
        Map<String, Object> body = new HashMap<>(as("alice").get("/api/v1/customers/" + id).then().extract().jsonPath().getMap(""));
        body.put("licenses", List.of("EDR"));
        as("alice").contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id).then().statusCode(200);
        given().header("If-None-Match", etag).get(url).then().statusCode(200);
        given().get(url).then().statusCode(200);
        // the same version to another firewall (behind the trusted proxy the tests name) is a delivery of its own
        assertThat(rawGet(url, "127.0.0.2", "203.0.113.7")).startsWith("HTTP/1.1 200");
        assertThat(rawGet(url, "127.0.0.2", "203.0.113.7")).startsWith("HTTP/1.1 200");

        // only partner admins manage feeds; the token of one partner's feed is no key to another's data
        formAs("erin", csrf).formParam("format", "txt").post("/exports/customers/" + id + "/feeds").then().statusCode(403);
        formAs("bob", csrf).post("/exports/customers/" + id + "/feeds/" + feedId + "/revoke").then().statusCode(404);
        formAs("alice", csrf).post("/exports/customers/" + id + "/feeds/" + feedId + "/revoke").then().statusCode(303);
        given().get(url).then().statusCode(404).body(equalTo(""));
        as("carol").get("/api/v1/audit?customerId=" + id + "&resourceType=feed").then()
                .body("events.summary", Matchers.contains("Feed created (panos-url)",
                        "Feed version 1 delivered to 127.0.0.1 (panos-url)", "Feed version 2 delivered to 127.0.0.1 (panos-url)",
                        "Feed version 2 delivered to 203.0.113.7 (panos-url)", "Feed revoked (panos-url)"));
        // each delivery names its ETag, and is remembered once
        assertThat(TestPartners.count("audit_event WHERE resource_type = 'feed' AND resource_id = '" + feedId
                + "' AND summary LIKE 'Feed version 1 delivered%' AND details LIKE '%" + etag.replace("\"", "") + "%'")).isEqualTo(1);
        assertThat(TestPartners.count("feed_delivery WHERE feed_id = " + feedId)).isEqualTo(3);
    }

    @Inject
    FeedPulls feedPulls;

    /** A GET over a raw connection from a local address, with X-Forwarded-For (as a proxy in front would send it). */
    static String rawGet(String path, String localAddress, String forwardedFor) throws Exception {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port",
                Integer.class).orElse(8081);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Forwarded-For: "
                    + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
