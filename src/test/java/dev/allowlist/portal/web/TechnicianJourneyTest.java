package dev.allowlist.portal.web;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.platform.CatalogPublishingTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A technician's morning, in Chromium, in both languages: a catalog publication gave two customers a
 * new version; the dashboard's queue names them, the customer page leads with what the firewall has to
 * do, the list copies to the clipboard, marking it applied says so, and the customer list sorts and
 * filters. Tina's partner (initech) is the journey's own: its queue holds only what the journey made.
 */
@QuarkusTest
class TechnicianJourneyTest {


    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void aCatalogPublicationReachesTheQueueTheSummaryCardAndTheFirewall() throws Exception {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name, created_at) VALUES ('initech', 'Initech Services', now()) "
                    + "ON CONFLICT (id) DO NOTHING");
            st.execute("DELETE FROM customer WHERE partner_id = 'initech'");
        }
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // Alpha is applied during the journey and Zeta keeps waiting: by name Alpha comes first, by wait Zeta
        long alpha = create(Map.of("name", "Queue Alpha " + tag, "licenses", List.of("EDR"), "regions", List.of("eu-west-1"),
                "firewallProduct", "panos"));
        long zeta = create(Map.of("name", "Queue Zeta " + tag, "licenses", List.of("ENDPOINT"), "firewallProduct", "squid"));
        // wildcards: *.sophosupd.com covers what the publication removes, so it keeps its version
        long mid = create(Map.of("name", "Queue Mid " + tag, "licenses", List.of("ENDPOINT"), "wildcardSupport", true));
        for (long id : List.of(zeta, alpha, mid)) {
            as("tina").contentType(ContentType.JSON).body(Map.of("version", 1)).post("/api/v1/customers/" + id + "/applied")
                    .then().statusCode(200);
        }
        String catalog = publishWithoutT1();
        try (Browser b = new Browser("tina", base())) {
            b.login("tina", "/");
            String dashboard = b.text();
            assertThat(dashboard).contains("A catalog publication gave 2 customers a new allowlist version",
                    "3 customers", "2 waiting to be applied", "1 up to date", "Waiting to be applied, oldest first",
                    "Customers waiting to be applied, last 30 days");
            String row = b.driver.findElement(By.id("queue-" + alpha)).getText();
            assertThat(row).contains("Queue Alpha " + tag, "+0", "−1", "v1 → v2", "Catalog published", "Review changes");
            assertThat(b.driver.findElements(By.id("queue-" + mid))).isEmpty();
            assertThat(b.driver.findElements(By.cssSelector("#pending-chart rect"))).hasSize(30);
            b.shot("dashboard");

            assertThat(b.driver.findElement(By.id("queue-" + zeta)).getText()).contains("Queue Zeta " + tag, "−1");
            b.go(By.linkText("Queue Alpha " + tag));
            WebElement summary = b.driver.findElement(By.id("summary"));
            assertThat(summary.getText()).contains("Newest allowlist v2 · applied on the firewall: v1", "0 to add, 1 to remove",
                    "Review changes", "Mark v2 as applied", "Copy list (Palo Alto Networks PAN-OS, URL list)",
                    "Download: Palo Alto Networks PAN-OS, URL list");
            b.shot("summary-card");

            // Copy list: what lands on the clipboard is the customer's PAN-OS URL list
            b.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base(),
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            b.driver.findElement(By.cssSelector("button[data-copy=copy-list]")).click();
            assertThat(b.driver.findElement(By.cssSelector("button[data-copy=copy-list]")).getText())
                    .isEqualTo("Copied to the clipboard");
            String clipboard = (String) ((JavascriptExecutor) b.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
            assertThat(clipboard).contains("central.sophos.com/\n", "dci.sophosupd.com/\n").doesNotContain("t1.sophosupd.com");
            assertThat(clipboard).isEqualTo(b.driver.findElement(By.id("copy-list")).getDomProperty("value"));

            // the change report reads as a work order: the cause in words, Mark applied on top
            b.go(By.linkText("Review changes"));
            assertThat(b.text()).contains("v2: Catalog published", "Remove from the firewall (1)", "t1.sophosupd.com")
                    .doesNotContain("catalog-published");
            b.shot("work-order");
            b.go(By.id("mark-applied"));
            assertThat(b.driver.findElement(By.id("flash")).getText())
                    .isEqualTo("Version v2 recorded as applied on the firewall.");
            assertThat(b.driver.findElement(By.id("summary")).getText()).contains("The firewall has the newest allowlist (v2).");
            b.shot("applied-flash");
            b.driver.navigate().refresh();
            assertThat(b.driver.findElements(By.id("flash"))).as("a flash shows once").isEmpty();

            // the flash after saving the profile
            b.go(By.linkText("Edit customer"));
            b.driver.findElement(By.name("externalReference")).sendKeys("Z-" + tag);
            b.go(By.cssSelector("form.form button[type=submit]"));
            assertThat(b.driver.findElement(By.id("flash")).getText()).isEqualTo("Changes to Queue Alpha " + tag + " saved.");

            // the customer list: sorted by name, by the longest wait, filtered by state and product
            b.open("/customers?q=" + tag);
            assertThat(names(b)).containsExactly("Queue Alpha " + tag, "Queue Mid " + tag, "Queue Zeta " + tag);
            b.driver.findElement(By.name("state")).sendKeys("Waiting to be applied");
            b.go(By.cssSelector("#customer-filters button[type=submit]"));
            assertThat(names(b)).containsExactly("Queue Zeta " + tag);
            assertThat(b.text()).contains("pending: v1 → v2");
            b.open("/customers?q=" + tag + "&sort=changed");
            assertThat(names(b).get(2)).isEqualTo("Queue Mid " + tag); // unchanged since its creation: last
            b.open("/customers?q=" + tag + "&product=squid");
            assertThat(names(b)).containsExactly("Queue Zeta " + tag);
            b.open("/customers?q=" + tag + "&product=fortigate");
            assertThat(b.text()).contains("No customer matches these filters.");
            b.open("/customers?q=" + tag);
            b.go(By.linkText("Firewall"));
            assertThat(names(b)).as("waiting first, then by name")
                    .containsExactly("Queue Zeta " + tag, "Queue Alpha " + tag, "Queue Mid " + tag);
            b.shot("customers-sorted");

            // the same, in Japanese
            b.open("/");
            b.go(By.linkText("日本語"));
            assertThat(b.text()).contains("未適用 1 件", "適用済み 2 件", "未適用の変更（古い順）");
            assertThat(b.driver.findElement(By.id("queue-" + zeta)).getText()).contains("Queue Zeta " + tag, "−1",
                    "カタログの公開", "変更を確認");
            b.shot("dashboard-ja");
            b.open("/customers/" + zeta);
            assertThat(b.driver.findElement(By.id("summary")).getText()).contains("追加 0 件、削除 1 件",
                    "最新の許可リスト v2 ・ ファイアウォールに適用済み：v1", "リストをコピー（Squid、dstdomain ACL）");
            b.driver.findElement(By.cssSelector("button[data-copy=copy-list]")).click();
            assertThat(b.driver.findElement(By.cssSelector("button[data-copy=copy-list]")).getText())
                    .isEqualTo("クリップボードにコピーしました");
            String copied = (String) ((JavascriptExecutor) b.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
            assertThat(copied).startsWith("# Allowlist Portal export: Squid dstdomain ACL").contains("\ndci.sophosupd.com\n")
                    .doesNotContain("t1.sophosupd.com");
            b.shot("summary-card-ja");
            b.go(By.linkText("顧客を編集"));
            b.go(By.cssSelector("form.form button[type=submit]"));
            assertThat(b.driver.findElement(By.id("flash")).getText()).isEqualTo("Queue Zeta " + tag + " の変更を保存しました。");
            b.open("/customers?q=" + tag);
            b.go(By.linkText("ファイアウォール"));
            assertThat(names(b)).containsExactly("Queue Zeta " + tag, "Queue Alpha " + tag, "Queue Mid " + tag);
            b.open("/customers?q=" + tag + "&state=up-to-date");
            assertThat(names(b)).containsExactly("Queue Alpha " + tag, "Queue Mid " + tag);
            assertThat(b.text()).contains("適用済み v2", "顧客 2 件");
            b.open("/customers?q=" + tag + "&region=ap-south-1");
            assertThat(b.text()).contains("この条件に一致する顧客はありません。");
            b.go(By.linkText("English"));
        } finally {
            CatalogPublishingTest.publishAndWait("sophos-central-2026.11");
        }
        assertThat(catalog).startsWith("sophos-central-journey-");
    }

    private static List<String> names(Browser b) {
        return b.driver.findElements(By.cssSelector("table.customers tbody tr td:nth-child(2) a")).stream()
                .map(WebElement::getText).toList();
    }

    private static long create(Map<String, Object> customer) {
        return as("tina").contentType(ContentType.JSON).body(customer).post("/api/v1/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Publishes the bundled catalog without t1.sophosupd.com, as paula; its id. */
    private static String publishWithoutT1() throws Exception {
        String id = "sophos-central-journey-" + UUID.randomUUID().toString().substring(0, 8);
        CatalogPublishingTest.upload(CatalogPublishingTest.withoutT1(id), 303);
        CatalogPublishingTest.publishAndWait(id);
        return id;
    }
}
