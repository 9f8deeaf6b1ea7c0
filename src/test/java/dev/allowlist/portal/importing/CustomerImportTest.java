package dev.allowlist.portal.importing;

import static dev.allowlist.portal.TestUsers.as;
import static dev.allowlist.portal.TestUsers.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Onboarding many customers and many installer logs at once, through real HTTP and PostgreSQL. */
@QuarkusTest
class CustomerImportTest {

    @BeforeEach
    void partners() {
        TestPartners.ensureRegistered();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath importCsv(String user, String csv, String query) {
        return as(user).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/import" + query).then().statusCode(200).extract().jsonPath();
    }

    static long versions() {
        return TestPartners.count("allowlist_version");
    }

    @Test
    void previewThenApplyThenReimportChangesNothing() {
        String t = tag();
        String csv = "name,externalReference,licenses,regions,wildcardSupport,firewallProduct,mcsHosts,notes\n"
                + "Import A " + t + ",A-" + t + ",ENDPOINT; EDR,eu-west-1,yes,panos,dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com,\n"
                + "Import B " + t + ",B-" + t + ",Endpoint (Intercept X),Japan,no,,,\"=HYPERLINK(\"\"http://evil\"\")\"\n";
        long customersBefore = TestPartners.count("customer");
        JsonPath preview = importCsv("alice", csv, "?dryRun=true");
        assertThat(preview.getInt("creates")).isEqualTo(2);
        assertThat(preview.getInt("newVersions")).isEqualTo(2);
        assertThat(preview.getString("importId")).isNull();
        assertThat(TestPartners.count("customer")).isEqualTo(customersBefore);

        JsonPath applied = importCsv("alice", csv, "");
        assertThat(applied.getInt("created")).isEqualTo(2);
        long a = as("alice").get("/api/v1/customers").then().extract().jsonPath()
                .getLong("find { it.externalReference == 'A-" + t + "' }.id");
        as("alice").get("/api/v1/customers/" + a).then().body("licenses", hasItem("EDR")).body("regions", hasItem("eu-west-1"))
                .body("wildcardSupport", equalTo(true)).body("firewallProduct", equalTo("panos"))
                .body("mcsHosts.value", hasItem("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com"));
        as("alice").get("/api/v1/customers").then()
                .body("find { it.externalReference == 'B-" + t + "' }.regions", hasItem("ap-northeast-1"));
        // a formula cell is data: stored as written, neutralised again on export
        long b = as("alice").get("/api/v1/customers").then().extract().jsonPath()
                .getLong("find { it.externalReference == 'B-" + t + "' }.id");
        as("alice").get("/api/v1/customers/" + b).then().body("notes", equalTo("=HYPERLINK(\"http://evil\")"));
        String export = as("alice").get("/api/v1/customers/export?format=csv").then().statusCode(200).extract().asString();
        assertThat(export).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains("A-" + t);
        as("carol").get("/api/v1/audit?resourceType=customer-import").then()
                .body("events.summary", hasItem(containsString("2 created, 0 updated, 0 unchanged, 0 rows skipped")));

        // the same file again: nothing changes, no version is recorded
        long versionsBefore = versions();
        JsonPath again = importCsv("alice", csv, "");
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getInt("created") + again.getInt("updated")).isZero();
        assertThat(versions()).isEqualTo(versionsBefore);

        // the export, edited and imported back: one change, found by the reference
        String edited = export.replace("A-" + t + ",,ENDPOINT; EDR", "A-" + t + ",,EDR; MTR");
        assertThat(edited).isNotEqualTo(export);
        JsonPath roundTrip = importCsv("alice", edited, "?dryRun=true");
        assertThat(roundTrip.getList("rows.findAll { it.action == 'UPDATE' }.externalReference")).containsExactly("A-" + t);
        assertThat(roundTrip.getList("rows.find { it.action == 'UPDATE' }.changed")).containsExactly("licenses");
        assertThat(roundTrip.getString("rows.find { it.externalReference == 'B-" + t + "' }.action")).isEqualTo("UNCHANGED");
        // (the export holds every customer of acme's: other tests' customers that share a name without a
        // reference are errors on re-import, as the matching rule says; ours are not among them)
    }

    @Test
    void oneBadRowSavesNothingUnlessOnlyTheValidRowsAreAskedFor() {
        String t = tag();
        String csv = "name,externalReference,licenses\nGood " + t + ",G-" + t + ",ENDPOINT\nBad " + t + ",X-" + t
                + ",PLATINUM\nTwice " + t + ",G-" + t + ",EDR\n";
        long before = TestPartners.count("customer");
        as("alice").contentType("text/csv").body(csv).post("/api/v1/customers/import").then().statusCode(400)
                .body("message", containsString("2 rows have errors (rows 3, 4)"));
        assertThat(TestPartners.count("customer")).isEqualTo(before);
        JsonPath preview = importCsv("alice", csv, "?dryRun=true");
        assertThat(preview.getString("rows.find { it.row == 3 }.errors[0].column")).isEqualTo("licenses");
        assertThat(preview.getString("rows.find { it.row == 3 }.errors[0].message")).contains("PLATINUM");
        assertThat(preview.getString("rows.find { it.row == 4 }.errors[0].message")).contains("row 2");
        JsonPath valid = importCsv("alice", csv, "?validOnly=true");
        assertThat(valid.getInt("created")).isEqualTo(1);
        assertThat(valid.getInt("skipped")).isEqualTo(2);
        assertThat(TestPartners.count("customer")).isEqualTo(before + 1);
    }

    @Test
    void anotherPartnersReferencesNeverMatch() {
        String t = tag();
        importCsv("alice", "name,externalReference,notes\nAcme own " + t + ",SHARED-" + t + ",acme\n", "");
        JsonPath bob = importCsv("bob", "name,externalReference,notes\nGlobex own " + t + ",SHARED-" + t + ",globex\n", "?dryRun=true");
        assertThat(bob.getString("rows[0].action")).isEqualTo("CREATE");
        importCsv("bob", "name,externalReference,notes\nGlobex own " + t + ",SHARED-" + t + ",globex\n", "");
        as("alice").get("/api/v1/customers").then().body("find { it.externalReference == 'SHARED-" + t + "' }.name",
                equalTo("Acme own " + t));
        as("bob").get("/api/v1/customers").then().body("find { it.externalReference == 'SHARED-" + t + "' }.name",
                equalTo("Globex own " + t));
        // a viewer imports nothing
        as("victor").contentType("text/csv").body("name\nX\n").post("/api/v1/customers/import").then().statusCode(403);
    }

    @Test
    void theXlsxTemplateFilledInAndAShiftJisFileThroughThePages() throws Exception {
        byte[] template = as("alice").get("/customer-lists/template.xlsx").then().statusCode(200).extract().asByteArray();
        List<String> header;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            header = workbook.getFirstSheet().read().get(0).stream().map(c -> c.getText()).toList();
        }
        assertThat(header).contains("Name", "External reference", "Licenses", "MCS hosts");
        String t = tag();
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(filled, "Excel", "16.0");
        Worksheet sheet = workbook.newWorksheet("customers");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "Xlsx " + t);
        sheet.value(1, 1, "XL-" + t);
        sheet.value(1, 3, "EDR");
        sheet.value(1, 5, "はい");
        workbook.finish();
        JsonPath fromXlsx = as("alice").multiPart("file", "customers.xlsx", filled.toByteArray(), CustomerListResource.XLSX)
                .post("/api/v1/customers/import").then().statusCode(200).extract().jsonPath();
        assertThat(fromXlsx.getInt("created")).isEqualTo(1);
        as("alice").get("/api/v1/customers").then().body("find { it.externalReference == 'XL-" + t + "' }.wildcardSupport",
                equalTo(true));

        // Japanese Excel's "CSV": Shift_JIS, CRLF, Japanese headers; through the page, preview then apply
        String name = "株式会社インポート" + t;
        byte[] sjis = ("名前,外部参照番号,ライセンス,備考欄\r\n" + name + ",JP-" + t + ",EDR,x\r\n")
                .getBytes(Charset.forName("windows-31j"));
        TestUsers.Csrf csrf = csrf("alice", "/customer-lists/import");
        String page = as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "顧客.csv", sjis, "text/csv").post("/customer-lists/import").then().statusCode(200)
                .body(containsString(name)).body(containsString("Shift_JIS")).body(containsString("1 to create"))
                .body(containsString("<code>備考欄</code>")) // a column the import does not know is named, not guessed
                .extract().asString();
        String importId = page.replaceAll("(?s).*action=\"/customer-lists/import/([0-9]+)/apply\".*", "$1");
        assertThat(TestPartners.count("customer WHERE external_reference = 'JP-" + t + "'")).isZero();
        TestUsers.formAs("alice", csrf).post("/customer-lists/import/" + importId + "/apply").then().statusCode(200)
                .body(containsString("1 created"));
        assertThat(TestPartners.count("customer WHERE external_reference = 'JP-" + t + "'")).isEqualTo(1);
        // another partner cannot see or apply that import
        TestUsers.formAs("bob", csrf("bob", "/customers/new")).post("/customer-lists/import/" + importId + "/apply").then()
                .statusCode(404);
        // a bad file re-renders the form with its reason
        as("alice").cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "notes.csv", "notes\nx\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/customer-lists/import").then().statusCode(400).body(containsString("is missing"));
    }

    static byte[] zip(Object... nameAndContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipOfInstallerLogsIsMatchedByFolderAndRefusesWhatIsUnsafe() throws Exception {
        String t = tag();
        importCsv("alice", "name,externalReference\nLogs " + t + ",LG-" + t + "\nOther " + t + ",OT-" + t + "\n", "");
        long other = as("alice").get("/api/v1/customers").then().extract().jsonPath()
                .getLong("find { it.externalReference == 'OT-" + t + "' }.id");
        byte[] log = ("2026-11-20 09:41:17.345 [ 4120:  5012] I Model::server value changed to: dzr-api-amzn-eu-west-1-"
                + t.substring(0, 4) + ".api-upe.p.hmr.sophos.com\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] archive = zip("LG-" + t + "/SophosCloudInstaller.log", log, "../escape/SophosCloudInstaller.log", log,
                "nested.zip", zip("a.log", log), "unknown-folder/SophosCloudInstaller.log", log,
                "LG-" + t + "/picture.log", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 });
        JsonPath result = as("alice").contentType("application/zip").body(archive).post("/api/v1/installer-logs").then()
                .statusCode(200).extract().jsonPath();
        assertThat(result.getString("files.find { it.name == 'LG-" + t + "/SophosCloudInstaller.log' }.status")).isEqualTo("ingested");
        assertThat(result.getInt("files.find { it.name == 'LG-" + t + "/SophosCloudInstaller.log' }.added")).isEqualTo(1);
        assertThat(result.getString("files.find { it.name == '../escape/SophosCloudInstaller.log' }.status")).isEqualTo("refused");
        assertThat(result.getString("files.find { it.name == 'nested.zip' }.status")).isEqualTo("refused");
        assertThat(result.getString("files.find { it.name == 'LG-" + t + "/picture.log' }.status")).isEqualTo("refused");
        assertThat(result.getString("files.find { it.name == 'unknown-folder/SophosCloudInstaller.log' }.status"))
                .isEqualTo("unmatched");
        String batch = result.getString("batch");
        long waiting = result.getLong("files.find { it.status == 'unmatched' }.id");

        // the page lists every file; a person assigns the unmatched one, which is read then
        as("alice").get("/installer-logs/batch/" + batch).then().statusCode(200).body(containsString("no customer found"))
                .body(containsString("The name leaves the archive"));
        as("bob").get("/installer-logs/batch/" + batch).then().statusCode(404);
        TestUsers.formAs("alice", csrf("alice", "/installer-logs/batch/" + batch)).formParam("customerId", other)
                .post("/installer-logs/batch/" + batch + "/files/" + waiting + "/assign").then().statusCode(303);
        as("alice").get("/api/v1/customers/" + other).then().body("mcsHosts.size()", equalTo(1));
        as("alice").get("/installer-logs/batch/" + batch).then().body(not(containsString("no customer found")));
    }
}
