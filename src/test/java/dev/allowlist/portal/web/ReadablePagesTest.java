package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What a person reads: customers by name, not id; times in their zone, to the second; a flash after an
 * action; the customer list's filters refusing what they do not know; several customers at once.
 */
@QuarkusTest
class ReadablePagesTest {

    @Test
    void theHistoryNamesCustomersAndPicksThemByName() {
        TestPartners.ensureRegistered();
        String name = Customers.uniqueName("Named in history");
        long id = Customers.create("alice", name, List.of("ENDPOINT"));
        String history = as("carol").get("/audit").then().statusCode(200).extract().asString();
        assertThat(history).contains("<a href=\"/audit?customerId=" + id + "\">" + name + "</a>")
                .contains("<option value=\"" + id + "\">" + name + "</option>")
                .doesNotContain("<input type=\"number\" name=\"customerId\"");
        as("carol").get("/audit?customerId=" + id).then().statusCode(200).body(containsString("<h1>Audit history · " + name))
                .body(containsString("<option value=\"" + id + "\" selected>" + name + "</option>"));
        // a name is text in the picker, never markup
        String hostile = Customers.uniqueName("<b>Bold & \"quoted\"</b>");
        long other = Customers.create("alice", hostile, List.of("ENDPOINT"));
        assertThat(as("carol").get("/audit").then().extract().asString())
                .contains("<option value=\"" + other + "\">&lt;b&gt;Bold &amp; &quot;quoted&quot;&lt;/b&gt;")
                .doesNotContain("<b>Bold");
        long event = Long.parseLong(history.replaceAll("(?s).*?<a href=\"/audit/([0-9]+)\">.*", "$1"));
        String page = as("carol").get("/audit/" + event).then().statusCode(200).extract().asString();
        assertThat(page).contains("<details class=\"raw\"").contains("Details (raw JSON)");
        // the customer's own history tab keeps its name and its tabs
        as("carol").get("/customers/" + id + "/history").then().statusCode(200)
                .body(containsString("<h1>" + name + "</h1>")).body(containsString("class=\"subnav\""))
                .body(containsString("aria-current=\"page\">History</a>"));
    }

    @Test
    void timesShowInTheViewersZoneToTheSecond() {
        TestPartners.ensureRegistered();
        Customers.create("alice", Customers.uniqueName("Timed"), List.of("ENDPOINT"));
        String utc = as("carol").get("/audit").then().statusCode(200).extract().asString();
        assertThat(utc).containsPattern(">20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC</a>")
                .doesNotContainPattern("T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]+Z");
        assertThat(as("carol").cookie("portal-tz", "Asia/Tokyo").get("/audit").then().extract().asString())
                .containsPattern(">20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} JST</a>");
        // no zone from the browser yet: a Japanese page reads Japan's time
        assertThat(as("carol").cookie("lang", "ja").get("/audit").then().extract().asString()).contains(" JST</a>");
        // a zone that is not one: the language's, and no error
        assertThat(as("carol").cookie("portal-tz", "Mars/Olympus").get("/audit").then().statusCode(200).extract().asString())
                .contains(" UTC</a>");
    }

    @Test
    void aFlashFollowsTheActionOnceAndSaysWhatHappened() {
        TestPartners.ensureRegistered();
        String name = Customers.uniqueName("Flashed");
        TestUsers.Csrf csrf = csrf("alice", "/customers/new");
        Response created = formAs("alice", csrf).formParam("name", name).formParam("licenses", "ENDPOINT").post("/customers");
        created.then().statusCode(303);
        String flash = created.getCookie("portal-flash");
        assertThat(new String(Base64.getUrlDecoder().decode(flash))).startsWith("flash.customerCreated");
        String location = created.header("Location");
        String page = as("alice").cookie("portal-flash", flash).get(location.substring(location.indexOf("/customers/")))
                .then().statusCode(200).header("Set-Cookie", containsString("portal-flash=;"))
                .extract().asString();
        assertThat(page).contains("<p class=\"flash\" role=\"status\" id=\"flash\">Customer " + name + " created.</p>");
        assertThat(as("alice").cookie("lang", "ja").cookie("portal-flash", flash).get("/customers").then().extract().asString())
                .contains("顧客 " + name + " を登録しました。");
        // a forged cookie shows nothing that is not a flash message, and breaks nothing
        String forged = Base64.getUrlEncoder().encodeToString("error.required".getBytes());
        assertThat(as("alice").cookie("portal-flash", forged).get("/customers").then().statusCode(200).extract().asString())
                .doesNotContain("class=\"flash\"");
        as("alice").cookie("portal-flash", "%%%not-base64").get("/customers").then().statusCode(200);
    }

    @Test
    void theCustomerListRefusesFilterValuesItDoesNotKnow() {
        TestPartners.ensureRegistered();
        as("alice").get("/customers?state=bogus").then().statusCode(400);
        as("alice").get("/customers?license=PLATINUM").then().statusCode(400);
        as("alice").get("/customers?product=checkpoint").then().statusCode(400);
        as("alice").get("/customers?sort=price").then().statusCode(400);
        as("alice").get("/customers?region=eu-west-1&license=EDR&product=panos&state=never-applied&sort=changed")
                .then().statusCode(200);
    }

    /**
     * The count above the list is the number of customers the filters pass, whichever way it is counted
     * (a window over a state filter's join, or the partner's customers alone), on a page past the end too.
     */
    @Test
    void theCustomerListCountsWhatItsFiltersPass() {
        TestPartners.ensureRegistered();
        Customers.create("alice", Customers.uniqueName("Counted"), List.of("EDR"));
        long applied = Customers.create("alice", Customers.uniqueName("Counted"), List.of("ENDPOINT"));
        formAs("alice", csrf("alice", "/customers")).formParam("ids", applied).post("/customers/applied").then().statusCode(303);
        String waiting = "allowlist_state s WHERE s.partner_id = 'acme' AND s.pending_since IS NOT NULL";
        String edr = " AND EXISTS (SELECT 1 FROM customer_license l WHERE l.customer_id = s.customer_id AND l.license = 'EDR')";
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("/customers", TestPartners.count("customer WHERE partner_id = 'acme'"));
        expected.put("/customers?license=EDR", TestPartners.count("customer_license WHERE partner_id = 'acme' AND license = 'EDR'"));
        expected.put("/customers?state=pending", TestPartners.count(waiting));
        expected.put("/customers?state=pending&license=EDR", TestPartners.count(waiting + edr));
        expected.put("/customers?state=pending&page=9999", TestPartners.count(waiting));
        expected.put("/customers?state=up-to-date",
                TestPartners.count("allowlist_state WHERE partner_id = 'acme' AND pending_since IS NULL"));
        assertThat(expected.get("/customers?state=pending&license=EDR")).isPositive();
        assertThat(expected.get("/customers?state=up-to-date")).isPositive();
        expected.forEach((url, count) -> assertThat(as("alice").get(url).then().statusCode(200).extract().asString())
                .as(url).contains("<p id=\"customer-count\">" + String.format(Locale.ENGLISH, "%,d", count)
                        + (count == 1 ? " customer" : " customers") + "</p>"));
    }

    @Test
    void severalCustomersAtOnceExportedAndMarkedApplied() throws IOException {
        TestPartners.ensureRegistered();
        String tag = Customers.uniqueName("Several");
        long one = Customers.create("alice", tag + " one", List.of("ENDPOINT"));
        long two = Customers.create("alice", tag + " two", List.of("EDR"));
        TestUsers.Csrf csrf = csrf("alice", "/customers");
        byte[] zip = formAs("alice", csrf).formParam("format", "squid").formParam("ids", one).formParam("ids", two)
                .post("/exports/selected.zip").then().statusCode(200).contentType("application/zip").extract().asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(2).allMatch(n -> n.endsWith("_squid.acl"));
        formAs("alice", csrf).formParam("format", "squid").post("/exports/selected.zip").then().statusCode(400);

        Response marked = formAs("alice", csrf).formParam("ids", one).formParam("ids", two).formParam("back", "/customers?state=pending")
                .post("/customers/applied");
        marked.then().statusCode(303).header("Location", containsString("/customers?state=pending"));
        assertThat(new String(Base64.getUrlDecoder().decode(marked.getCookie("portal-flash")))).contains("appliedSelected");
        as("alice").get("/api/v1/customers/" + one + "/changes").then().statusCode(200);
        assertThat(TestPartners.count("applied_version WHERE customer_id IN (" + one + ", " + two + ") AND number = 1"))
                .isEqualTo(2);
        // a viewer may look, not mark
        formAs("victor", csrf("victor", "/customers")).formParam("ids", one).post("/customers/applied").then().statusCode(403);
        // back to another host: refused, home instead
        formAs("alice", csrf).formParam("ids", one).formParam("back", "//evil.example/").post("/customers/applied").then()
                .statusCode(303).header("Location", containsString("/"));
    }
}
