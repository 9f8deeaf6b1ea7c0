package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.TestUsers.formAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer pages: Post/Redirect/Get, forms that keep typed values, CSRF, confirmation, languages. */
@QuarkusTest
class CustomerResourceTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void createShowEditAndDeleteThroughTheForms() {
        String name = Customers.uniqueName("Form customer");
        TestUsers.Csrf csrf = csrf("erin", "/customers/new");
        String location = formAs("erin", csrf).formParam("name", name).formParam("externalReference", "F-1")
                .formParam("licenses", "CENTRAL").formParam("licenses", "EDR").formParam("regions", "eu-west-1")
                .formParam("otherRegions", "ap-southeast-2").formParam("narrowHydra", "true")
                .formParam("firewallProduct", "sophos-firewall")
                .post("/customers").then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/customers/[0-9]+$");
        String path = location.substring(location.indexOf("/customers/"));
        long id = Long.parseLong(path.substring("/customers/".length()));

        as("erin").get(path).then().statusCode(200)
                .body(containsString(name))
                .body(containsString("Intercept X Advanced with EDR"))
                .body(containsString("Endpoint (Intercept X)")) // implied by EDR, shown
                .body(containsString("live-terminal-eu-west-1.prod.hydra.sophos.com"))
                .body(containsString("The vendor page names no region-bound host for region ap-southeast-2"))
                .body(containsString("edr.live-terminal-&lt;region&gt;"))
                .body(containsString("needs a proxy that supports wildcards"))
                .body(containsString("Sophos says Sophos Firewall allows these domains by default"));
        as("erin").get(path + "/edit").then().body(containsString("<option value=\"sophos-firewall\" selected>"));

        as("erin").get(path + "/edit").then().statusCode(200).body(containsString("value=\"" + name + "\""))
                .body(containsString("name=\"version\" value=\"0\""));
        formAs("erin", csrf).formParam("name", name + " (renamed)").formParam("licenses", "CENTRAL")
                .formParam("licenses", "ENDPOINT").formParam("wildcardSupport", "true").formParam("version", "0")
                .post(path).then().statusCode(303).header("Location", containsString(path));
        as("erin").get("/api/v1/customers/" + id).then().body("name", equalTo(name + " (renamed)"))
                .body("wildcardSupport", equalTo(true)).body("regions", Matchers.empty());

        as("erin").get(path + "/delete").then().statusCode(200).body(containsString("cannot be undone"));
        formAs("erin", csrf).formParam("version", "1").post(path + "/delete").then().statusCode(303)
                .header("Location", containsString("/customers"));
        as("erin").get(path).then().statusCode(404);
    }

    /** AD Sync as a license and "uses Active Directory" bring the same section: the form has one checkbox for both. */
    @Test
    void activeDirectoryIsOneCheckboxAndSavingItKeepsTheAllowlist() {
        long id = as("alice").contentType(ContentType.JSON).body(java.util.Map.of("name", "AD " + UUID.randomUUID(),
                "licenses", List.of("ENDPOINT", "AD_SYNC"))).post("/api/v1/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String form = as("alice").get("/customers/" + id + "/edit").then().statusCode(200).extract().asString();
        assertThat(form).doesNotContain("value=\"AD_SYNC\"").contains("Uses Active Directory (AD Sync)")
                .contains("name=\"usesActiveDirectory\" value=\"true\" checked")
                .contains("The firewall decrypts HTTPS to inspect it.", "narrower *.mcs2-cloudstation-&lt;region&gt;");
        assertThat(form.split("Active Directory", -1)).as("Active Directory, once").hasSize(3); // label and its help
        String hash = as("alice").get("/api/v1/customers/" + id + "/allowlist").then().extract().jsonPath().getString("contentHash");
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id + "/edit");
        formAs("alice", csrf).formParam("name", "AD saved " + id).formParam("licenses", "ENDPOINT")
                .formParam("usesActiveDirectory", "true").formParam("version", "0").post("/customers/" + id).then().statusCode(303);
        as("alice").get("/api/v1/customers/" + id + "/allowlist").then().body("contentHash", equalTo(hash));
    }

    @Test
    void invalidFormIsShownAgainWithTheTypedValuesAndNothingIsSaved() {
        long before = TestPartners.count("customer");
        TestUsers.Csrf csrf = csrf("alice", "/customers/new");
        formAs("alice", csrf).formParam("name", "").formParam("externalReference", "kept-ref-42")
                .formParam("notes", "kept notes").formParam("licenses", "EDR").formParam("otherRegions", "mars!")
                .post("/customers").then().statusCode(400)
                .body(containsString("Please correct the fields marked below"))
                .body(containsString("Required."))
                .body(containsString("value=\"kept-ref-42\""))
                .body(containsString("kept notes"))
                .body(containsString("value=\"mars!\""))
                .body(containsString("Not a region code"))
                .body(containsString("value=\"EDR\" checked"));
        formAs("alice", csrf).formParam("name", "Unknown product").formParam("firewallProduct", "checkpoint")
                .formParam("regions", "ap-northeast-1").post("/customers").then().statusCode(400)
                .body(containsString("Unknown firewall product: &quot;checkpoint&quot;"))
                .body(containsString("value=\"ap-northeast-1\" checked"));
        formAs("alice", csrf).formParam("name", "n".repeat(10_240)).post("/customers").then().statusCode(400)
                .body(containsString("At most 200 characters."));
        formAs("alice", csrf).formParam("name", "Unknown licence").formParam("licenses", "PLATINUM").post("/customers")
                .then().statusCode(400).body(containsString("Unknown license &quot;PLATINUM&quot;"));
        assertThat(TestPartners.count("customer")).isEqualTo(before);
    }

    @Test
    void staleEditIsRefusedWithTheTypedValuesKept() {
        long id = Customers.create("alice", Customers.uniqueName("Stale form"), List.of("ENDPOINT"));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id + "/edit");
        formAs("erin", csrf).formParam("name", "Edited first").formParam("version", "0").post("/customers/" + id)
                .then().statusCode(303);
        formAs("alice", csrf).formParam("name", "My late edit").formParam("notes", "typed late").formParam("version", "0")
                .post("/customers/" + id).then().statusCode(409)
                .body(containsString("changed by someone else"))
                .body(containsString("value=\"My late edit\""))
                .body(containsString("typed late"));
        as("alice").get("/api/v1/customers/" + id).then().body("name", equalTo("Edited first"));
    }

    @Test
    void wrongOrMissingCsrfTokenIsRefusedWithAMessageAndChangesNothing() {
        long before = TestPartners.count("customer");
        TestUsers.Csrf csrf = csrf("alice", "/customers/new");
        as("alice").contentType(ContentType.URLENC).cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", "forged" + csrf.field()).formParam("name", "CSRF victim")
                .post("/customers").then().statusCode(400).body(containsString("nothing was saved"));
        as("alice").contentType(ContentType.URLENC).formParam("name", "CSRF victim")
                .post("/customers").then().statusCode(400).body(containsString("Reload the page"));
        assertThat(TestPartners.count("customer")).isEqualTo(before);
    }

    @Test
    void typedHostsAreAddedWithAWarningOutsideSophosAndRemovable() {
        long id = Customers.create("alice", Customers.uniqueName("Typed hosts"), List.of("ENDPOINT"));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        String location = formAs("alice", csrf).formParam("hosts", "MCS1.sophos.com, proxy.example.org")
                .post("/customers/" + id + "/hosts").then().statusCode(303).extract().header("Location");
        String page = as("alice").get(location.substring(location.indexOf("/customers/"))).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("2 hosts added", "proxy.example.org is not under a Sophos domain", "mcs1.sophos.com");

        formAs("alice", csrf).formParam("hosts", "valid.sophos.com bad_host!").post("/customers/" + id + "/hosts")
                .then().statusCode(400).body(containsString("Not a valid host name: &quot;bad_host!&quot;"))
                .body(containsString("valid.sophos.com bad_host!"));
        as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then()
                .body("value", Matchers.containsInAnyOrder("mcs1.sophos.com", "proxy.example.org"));

        long hostId = as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract()
                .jsonPath().getLong("find { it.value == 'proxy.example.org' }.id");
        formAs("alice", csrf).post("/customers/" + id + "/hosts/" + hostId + "/delete").then().statusCode(303);
        as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then()
                .body("value", Matchers.contains("mcs1.sophos.com"));
    }

    @Test
    void listIsSearchableAndPaginated() {
        String prefix = "Paged " + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 23; i++) {
            Customers.create("alice", String.format("%s %02d", prefix, i), List.of("ENDPOINT"));
        }
        Response first = as("alice").get("/customers?q=" + prefix);
        first.then().statusCode(200).body(containsString("23 customers")).body(containsString("Page 1 of 2"))
                .body(containsString(prefix + " 19")).body(not(containsString(prefix + " 20")));
        as("alice").get("/customers?q=" + prefix + "&page=2").then().statusCode(200)
                .body(containsString(prefix + " 22")).body(not(containsString(prefix + " 00")));
        as("alice").get("/customers?q=%25").then().statusCode(200); // a LIKE wildcard is searched literally
        // a search that finds nothing says so, naming what was searched (not "no customers yet")
        as("alice").get("/customers?q=" + prefix + "-nothing").then().statusCode(200)
                .body(containsString("No customer matches \u201c" + prefix + "-nothing\u201d."))
                .body(not(containsString("No customers yet.")));
        as("alice").header("Accept-Language", "ja").get("/customers?q=" + prefix + "-nothing").then()
                .body(containsString("\u300c" + prefix + "-nothing\u300d\u306b\u4e00\u81f4\u3059\u308b\u9867\u5ba2\u306f\u3042\u308a\u307e\u305b\u3093"));
    }

    @Test
    void pagesSpeakJapaneseByAcceptLanguageOrTheSwitcher() {
        long id = Customers.create("alice", Customers.uniqueName("日本語の顧客"), List.of("ENDPOINT"));
        as("alice").header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5").get("/customers/" + id).then().statusCode(200)
                .body(containsString("<html lang=\"ja\">")).body(containsString("許可リスト"))
                .body(containsString("ソフォスのドメイン"));
        String cookie = as("alice").get("/language?lang=ja&back=/customers").then().statusCode(303)
                .header("Location", containsString("/customers")).extract().cookie("lang");
        as("alice").cookie("lang", cookie).header("Accept-Language", "en").get("/customers").then()
                .body(containsString("顧客"));
        as("alice").get("/language?lang=ja&back=//evil.example").then().statusCode(303)
                .header("Location", Matchers.not(containsString("evil")));
    }
}
