package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static dev.allowlist.portal.customer.InstallerLogs.EU_HOST;
import static dev.allowlist.portal.customer.InstallerLogs.HYDRA_HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstallerLogResourceTest {

    @BeforeEach
    void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void rawUploadAddsTheHostsAndFeedsTheAllowlistAndRegion() {
        long id = Customers.create("alice", Customers.uniqueName("Log raw"), List.of("EDR"));
        // explicit mode, so that the observed host is an entry of its own
        as("alice").contentType(ContentType.JSON).body(Map.of("name", "Log raw explicit", "licenses",
                List.of("EDR"), "version", 0, "narrowHydra", true)).put("/api/v1/customers/" + id).then().statusCode(200);
        byte[] log = InstallerLogs.encode(InstallerLogs.typical("\r\n"), StandardCharsets.UTF_16LE, true);

        as("erin").contentType("application/octet-stream").body(log)
                .post("/api/v1/customers/" + id + "/installer-logs?fileName=SophosCloudInstaller.log")
                .then().statusCode(201)
                .body("fileName", equalTo("SophosCloudInstaller.log"))
                .body("encoding", equalTo("UTF-16LE"))
                .body("repeated", equalTo(false))
                .body("added.host", contains(EU_HOST, HYDRA_HOST, "d1.sophosupd.com"))
                .body("added[0].firstLine", equalTo(4)).body("added[0].lastLine", equalTo(12))
                .body("ignored.reason", contains("NOT_A_SOPHOS_DOMAIN", "NOT_A_HOST_NAME", "MARKER_NOT_AT_LINE_START"))
                .body("sha256", equalTo(InstallerLogService.sha256(log)));

        as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then()
                .body("source", hasItem("LOG_UPLOAD")).body("value", hasItem(EU_HOST));
        as("alice").get("/api/v1/customers/" + id + "/allowlist").then()
                .body("entries.value", hasItem(EU_HOST))
                .body("regions.source", equalTo("INFERRED"))
                .body("regions.regions", contains("eu-west-1"))
                .body("entries.value", hasItem("*.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com"))
                .body("entries.value", Matchers.not(hasItem("live-terminal-us-east-2.prod.hydra.sophos.com")));
    }

    @Test
    void reuploadingTheSameFileChangesNothingButLastUploaded() {
        long id = Customers.create("alice", Customers.uniqueName("Log twice"), List.of("ENDPOINT"));
        byte[] log = InstallerLogs.typical("\n").getBytes(StandardCharsets.UTF_8);
        long uploadId = as("alice").multiPart("file", "SophosCloudInstaller.log", log, "text/plain")
                .post("/api/v1/customers/" + id + "/installer-logs").then().statusCode(201)
                .body("uploadCount", equalTo(1)).extract().jsonPath().getLong("id");
        String hostsBefore = as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract().asString();
        long uploads = TestPartners.count("installer_log_upload");

        as("alice").multiPart("file", "copy-of-it.log", log, "text/plain")
                .post("/api/v1/customers/" + id + "/installer-logs").then().statusCode(200)
                .body("repeated", equalTo(true)).body("id", equalTo((int) uploadId)).body("uploadCount", equalTo(2))
                .body("fileName", equalTo("SophosCloudInstaller.log"));
        assertThat(as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().extract().asString()).isEqualTo(hostsBefore);
        assertThat(TestPartners.count("installer_log_upload")).isEqualTo(uploads);
    }

    @Test
    void uploadThroughThePageShowsTheResultAfterARedirect() {
        long id = Customers.create("alice", Customers.uniqueName("Log page"), List.of("ENDPOINT"));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        String location = as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "C:\\ProgramData\\Sophos\\SophosCloudInstaller.log",
                        InstallerLogs.typical("\r\n").getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/customers/" + id + "/installer-logs").then().statusCode(303).extract().header("Location");
        String page = location.substring(location.indexOf("/customers/"));
        assertThat(page).matches("/customers/" + id + "/installer-logs/[0-9]+");
        as("alice").get(page).then().statusCode(200)
                .body(containsString("Hosts added (3)"))
                .body(containsString(EU_HOST))
                .body(containsString("proxy.corp.example"))
                .body(containsString("not under a Sophos domain"))
                .body(containsString("SophosCloudInstaller.log"));
        as("alice").get("/customers/" + id).then().body(containsString(HYDRA_HOST)).body(containsString("installer log"));
        as("bob").get(page).then().statusCode(404);
    }

    @Test
    void refusedUploadsAnswerClearlyAndSaveNothing() {
        long id = Customers.create("alice", Customers.uniqueName("Log refused"), List.of("ENDPOINT"));
        long hosts = TestPartners.count("mcs_host");
        long uploads = TestPartners.count("installer_log_upload");
        byte[] zip = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0 };
        as("alice").contentType("application/zip").body(zip).post("/api/v1/customers/" + id + "/installer-logs")
                .then().statusCode(400).body("message", containsString("not a text log file (zip archive)"));
        as("alice").contentType("application/octet-stream").body(new byte[0]).post("/api/v1/customers/" + id + "/installer-logs")
                .then().statusCode(400).body("message", containsString("empty"));
        byte[] big = new byte[1024 * 1024 + 128 * 1024];
        Arrays.fill(big, (byte) 'a');
        as("alice").contentType("application/octet-stream").body(big).post("/api/v1/customers/" + id + "/installer-logs")
                .then().statusCode(413).body("message", containsString("larger than 1 MB"));
        TestUsers.Csrf csrf = csrf("alice", "/customers/" + id);
        as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "photo.png", new byte[] { (byte) 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 }, "image/png")
                .post("/customers/" + id + "/installer-logs").then().statusCode(400)
                .body(containsString("not a text log file (PNG image)"));
        // the page's form without its CSRF token is refused like any other form
        as("alice").multiPart("file", "SophosCloudInstaller.log", InstallerLogs.typical("\n").getBytes(StandardCharsets.UTF_8),
                "text/plain").post("/customers/" + id + "/installer-logs").then().statusCode(400)
                .body(containsString("nothing was saved"));
        assertThat(TestPartners.count("mcs_host")).isEqualTo(hosts);
        assertThat(TestPartners.count("installer_log_upload")).isEqualTo(uploads);
    }

    @Test
    void randomGarbageNeverYieldsA500OrAHalfSavedUpload() {
        long id = Customers.create("alice", Customers.uniqueName("Log fuzz"), List.of("ENDPOINT"));
        Random random = new Random(20261127);
        for (int i = 0; i < 60; i++) {
            byte[] garbage = new byte[random.nextInt(4096)];
            random.nextBytes(garbage);
            if (i % 3 == 1) { // text-like garbage with markers
                garbage = ("Opening connection to " + new String(garbage, StandardCharsets.ISO_8859_1).replace('\0', ' '))
                        .getBytes(StandardCharsets.UTF_8);
            }
            long hosts = TestPartners.count("mcs_host");
            long uploads = TestPartners.count("installer_log_upload");
            int status = as("alice").contentType("application/octet-stream").body(garbage)
                    .post("/api/v1/customers/" + id + "/installer-logs").then()
                    .statusCode(oneOf(200, 201, 400)).extract().statusCode();
            if (status == 400) {
                assertThat(TestPartners.count("mcs_host")).isEqualTo(hosts);
                assertThat(TestPartners.count("installer_log_upload")).isEqualTo(uploads);
            }
        }
    }

    @Test
    void anotherPartnersCustomerCannotReceiveHosts() {
        long id = Customers.create("alice", Customers.uniqueName("Log isolation"), List.of("ENDPOINT"));
        long hosts = TestPartners.count("mcs_host");
        byte[] log = InstallerLogs.typical("\n").getBytes(StandardCharsets.UTF_8);
        as("bob").contentType("application/octet-stream").body(log).post("/api/v1/customers/" + id + "/installer-logs")
                .then().statusCode(404);
        as("bob").multiPart("file", "x.log", log, "text/plain").post("/api/v1/customers/" + id + "/installer-logs")
                .then().statusCode(404);
        TestUsers.Csrf csrf = csrf("bob", "/customers/new");
        as("bob").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "x.log", log, "text/plain").post("/customers/" + id + "/installer-logs")
                .then().statusCode(404);
        as("victor").contentType("application/octet-stream").body(log).post("/api/v1/customers/" + id + "/installer-logs")
                .then().statusCode(403);
        assertThat(TestPartners.count("mcs_host")).isEqualTo(hosts);
        as("alice").get("/api/v1/customers/" + id + "/mcs-hosts").then().body("$", hasSize(0));
    }
}
