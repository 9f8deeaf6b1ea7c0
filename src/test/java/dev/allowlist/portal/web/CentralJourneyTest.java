package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.central.FakeSophosCentral;
import dev.allowlist.portal.central.FakeSophosCentral.Product;
import dev.allowlist.portal.central.FakeSophosCentral.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A partner admin connects the partner's Sophos Central account in Chromium, runs the first sync, reads
 * its preview, applies it, and finds the tenants as customers with their data regions; then reads the
 * integration page in Japanese. Uma's partner (hooli) is the journey's own.
 */
@QuarkusTest
class CentralJourneyTest {

    @Inject
    FakeSophosCentral fake;

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void connectPreviewApplyAndSeeTheCustomersWithTheirRegions() throws Exception {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO partner (id, display_name, created_at) VALUES ('hooli', 'Hooli Networks', now()) "
                    + "ON CONFLICT (id) DO NOTHING");
            st.execute("DELETE FROM central_tenant WHERE partner_id = 'hooli'");
            st.execute("DELETE FROM central_connection WHERE partner_id = 'hooli'");
            st.execute("DELETE FROM customer WHERE partner_id = 'hooli'");
        }
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String centralPartner = UUID.randomUUID().toString();
        fake.reset();
        fake.client("journey-" + tag, "Journey-Secret-" + tag, centralPartner);
        fake.tenants(centralPartner, List.of(
                new Tenant(UUID.randomUUID().toString(), "Journey Oregon " + tag, "US", "us03",
                        List.of(new Product("CIXAXDR", "Central Intercept X Advanced with XDR", null))),
                new Tenant(UUID.randomUUID().toString(), "Journey Dublin " + tag, "IE", "eu01",
                        List.of(new Product("CIXA", "Central Intercept X Advanced", null))),
                new Tenant(UUID.randomUUID().toString(), "Journey Tokyo " + tag, "JP", "jp01",
                        List.of(new Product("MDRC", "Sophos MDR Complete", null)))));

        try (Browser b = new Browser("uma-central", base())) {
            b.login("uma", "/integrations/central");
            assertThat(b.text()).contains("Connect Sophos Central", "API Credentials Management", "Service Principal Read-Only");
            b.driver.findElement(By.name("clientId")).sendKeys("journey-" + tag);
            b.driver.findElement(By.name("clientSecret")).sendKeys("Journey-Secret-" + tag);
            b.go(By.id("central-connect"));
            assertThat(b.driver.findElement(By.id("flash")).getText())
                    .isEqualTo("Sophos Central connected. Run a sync to preview your tenants.");
            assertThat(b.text()).contains(centralPartner).doesNotContain("Journey-Secret-" + tag);
            b.shot("central-connected");

            b.go(By.id("central-sync"));
            // the page follows the run by itself (it refreshes while the run holds its lease)
            new WebDriverWait(b.driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(300))
                    .until(d -> b.text().contains("Last sync complete: 3 tenants read."));
            b.go(By.id("central-preview"));
            assertThat(b.driver.findElement(By.id("central-counts")).getText())
                    .isEqualTo("3 to create, 0 to update, 0 unchanged, 0 skipped, 0 no longer in Sophos Central.");
            assertThat(b.text()).contains("Journey Oregon " + tag, "us-east-2, us-west-2", "Create — MTR ap-northeast-1")
                    .doesNotContain("(+");
            b.shot("central-preview");

            b.go(By.id("central-apply"));
            assertThat(b.driver.findElement(By.id("flash")).getText())
                    .isEqualTo("Sophos Central sync applied: 3 created, 0 updated, 0 unchanged, 0 skipped.");
            b.open("/customers?q=" + tag);
            List<String> rows = b.driver.findElements(By.cssSelector("table tbody tr")).stream().map(WebElement::getText).toList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).contains("Journey Dublin " + tag, "eu-west-1");
            assertThat(rows.get(1)).contains("Journey Oregon " + tag, "us-east-2, us-west-2");
            assertThat(rows.get(2)).contains("Journey Tokyo " + tag, "ap-northeast-1");
            b.shot("central-customers");

            b.open("/integrations/central");
            b.go(By.linkText("日本語"));
            assertThat(b.text()).contains("Sophos Central 連携", "前回の同期は完了しました（3 テナントを読み込み）。", "今すぐ同期");
            b.go(By.id("central-preview"));
            assertThat(b.driver.findElement(By.id("central-counts")).getText())
                    .isEqualTo("作成 0 件、更新 0 件、変更なし 3 件、スキップ 0 件、Sophos Central から削除 0 件。");
            b.shot("central-preview-ja");
        }
    }
}
