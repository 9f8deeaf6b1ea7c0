package dev.allowlist.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.TestPartners;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/** The journeys a person makes, in a real Chromium against the running portal; screenshots in target/screenshots. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyTest {

    static final String CUSTOMER = "Journey " + UUID.randomUUID().toString().substring(0, 6) + " 株式会社";
    static String customerPath;

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    @Order(1)
    void aliceRegistersACustomerAndTakesItsAllowlistToTheFirewall() throws Exception {
        TestPartners.ensureRegistered();
        try (Browser b = new Browser("alice", base())) {
            b.login("alice", "/customers");
            b.shot("customers");
            assertThat(b.text()).contains("Acme MSP", "Customers");

            b.go(By.linkText("New customer"));
            b.driver.findElement(By.name("name")).sendKeys(CUSTOMER);
            b.shot("new-customer");
            b.go(By.cssSelector("form.form button[type=submit]"));
            customerPath = b.driver.getCurrentUrl().substring(base().length());
            assertThat(customerPath).matches("/customers/[0-9]+");
            b.shot("created");

            b.go(By.linkText("Edit customer"));
            b.driver.findElement(By.cssSelector("input[name=licenses][value=EDR]")).click();
            b.driver.findElement(By.cssSelector("input[name=regions][value=eu-west-1]")).click();
            b.shot("licenses");
            b.go(By.cssSelector("form.form button[type=submit]"));
            assertThat(b.text()).contains("Intercept X Advanced with EDR");

            Path log = Files.createTempFile("SophosCloudInstaller", ".log");
            Files.writeString(log, String.join("\r\n",
                    "2026-11-20 09:41:17.345 [ 4120:  5012] I Model::server value changed to: dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com",
                    "2026-11-20 09:41:18.002 [ 4120:  5012] I Opening connection to https://dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com:443/x",
                    "2026-11-20 09:41:20.001 [ 4120:  5020] W Opening connection to proxy.corp.example:8080"), StandardCharsets.UTF_8);
            b.driver.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(log.toString());
            b.go(By.xpath("//button[text()='Upload and extract hosts']"));
            assertThat(b.text()).contains("Hosts added (1)", "not under a Sophos domain");
            b.shot("installer-log");

            b.open(customerPath);
            String page = b.text();
            assertThat(page).contains("Needs your attention", "needs a proxy that supports wildcards",
                    "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com", "Observed MCS host of this customer",
                    "Sophos Central Admin domains", "Third-party domains",
                    // what a person reads: arguments formatted, apostrophes kept (issue 13)
                    "Region-bound entries follow the customer's regions: eu-west-1.", "and this customer's does not");
            assertThat(page).doesNotContain("{0}", "{1}", "customers regions", "this customers does");
            b.shot("allowlist");

            b.driver.findElement(By.cssSelector("a[href$='format=squid']")).click();
            Path squid = b.download("_squid.acl");
            assertThat(Files.readString(squid)).contains("# Customer: " + CUSTOMER, "dci.sophosupd.com");

            b.go(By.linkText("Edit customer"));
            b.driver.findElement(By.name("wildcardSupport")).click();
            b.go(By.cssSelector("form.form button[type=submit]"));
            assertThat(b.text()).contains("to add", "to remove");
            b.shot("profile-changed");

            b.go(By.linkText("Change report"));
            assertThat(b.text()).contains("Add to the firewall", "Remove from the firewall");
            b.shot("change-report");
            b.go(By.xpath("//button[starts-with(text(),'Mark v')]"));
            assertThat(b.text()).contains("The firewall has the newest allowlist");
            b.shot("applied");
        }
    }

    @Test
    @Order(2)
    void theKeyPagesInJapaneseRenderTheirGlyphs() throws Exception {
        try (Browser b = new Browser("alice-ja", base())) {
            b.login("alice", "/customers");
            b.go(By.linkText("日本語"));
            assertThat(b.text()).contains("顧客", "名前で検索");
            b.shot("customers-ja");
            b.open(customerPath);
            assertThat(b.text()).contains("許可リスト", "ソフォスのドメイン", "エクスポート");
            b.shot("customer-ja");
            b.open(customerPath + "/changes?from=0");
            assertThat(b.text()).contains("ファイアウォールに追加");
            b.shot("changes-ja");

            // no tofu: with a Japanese font each character draws its own glyph; without one, every
            // character is the same empty box
            byte[] kyo = glyph(b, "許");
            byte[] ka = glyph(b, "可");
            byte[] missing = glyph(b, "\uE000");
            assertThat(Arrays.equals(kyo, ka)).as("許 and 可 render alike: Japanese glyphs are missing (fonts-noto-cjk)")
                    .isFalse();
            assertThat(Arrays.equals(kyo, missing)).as("許 renders as the missing-glyph box").isFalse();
        }
    }

    private static byte[] glyph(Browser b, String character) {
        WebElement span = (WebElement) ((JavascriptExecutor) b.driver).executeScript(
                "const s = document.createElement('span'); s.textContent = arguments[0];"
                        + "s.style.cssText = 'font-size:48px;display:inline-block;padding:4px;background:#fff;color:#000';"
                        + "document.body.prepend(s); return s;", character);
        byte[] png = span.getScreenshotAs(OutputType.BYTES);
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].remove()", span);
        return png;
    }

    @Test
    @Order(3)
    void carolFindsTheChangesInTheHistoryVerifiesAndExports() throws Exception {
        try (Browser b = new Browser("carol", base())) {
            b.login("carol", "/audit");
            assertThat(b.text()).contains("Audit history", "Customer created: " + CUSTOMER, "Installer log uploaded");
            b.shot("history");
            b.go(By.partialLinkText("Verify integrity"));
            assertThat(b.text()).contains("Intact");
            b.shot("verified");
            b.open("/audit");
            b.driver.findElement(By.partialLinkText("Export CSV")).click();
            Path csv = b.download(".csv");
            assertThat(Files.readString(csv)).contains("# chain: partner acme", "Customer created: " + CUSTOMER);
        }
    }

    @Test
    @Order(4)
    void aliceComparesTheFirewallWithTheAllowlistAndMarksItApplied() throws Exception {
        try (Browser b = new Browser("alice-reconcile", base())) {
            b.login("alice", customerPath);
            b.driver.findElement(By.cssSelector("a[href$='format=squid']")).click();
            String squid = Files.readString(b.download("_squid.acl"));
            b.open(customerPath);
            b.go(By.linkText("Compare with the firewall"));
            paste(b, squid.replace("\nocsp.digicert.com\n", "\n") + "example.org\n");
            b.go(By.xpath("//button[text()='Compare']"));
            assertThat(b.text()).contains("1 missing", "ocsp.digicert.com", "asked for by no rule", "example.org");
            assertThat(b.driver.findElements(By.xpath("//button[starts-with(text(),'Mark v')]"))).isEmpty();
            b.shot("reconcile-missing");
            paste(b, squid);
            b.go(By.xpath("//button[text()='Compare']"));
            assertThat(b.text()).contains("0 missing", "Nothing is missing");
            b.shot("reconcile-clean");
            b.go(By.xpath("//button[starts-with(text(),'Mark v')]"));
            assertThat(b.text()).contains("The firewall has the newest allowlist", "Checks from the customer's machines");
            b.shot("reconcile-applied");
        }
    }

    @Test
    @Order(5)
    void aliceImportsACustomerListReadsThePreviewAndAppliesIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempFile("customers", ".csv");
        Files.writeString(file, "name,externalReference,licenses,wildcardSupport\n"
                + "Imported One " + tag + ",IMP1-" + tag + ",ENDPOINT,yes\n"
                + "Imported Two " + tag + ",IMP2-" + tag + ",EDR,no\n", StandardCharsets.UTF_8);
        try (Browser b = new Browser("alice-import", base())) {
            b.login("alice", "/customers");
            b.go(By.linkText("Import customers"));
            b.driver.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(file.toString());
            b.go(By.xpath("//button[text()='Preview']"));
            assertThat(b.text()).contains("2 to create, 0 to update, 0 unchanged, 0 with errors",
                    "Imported One " + tag, "Imported Two " + tag);
            b.shot("import-preview");
            b.go(By.xpath("//button[starts-with(text(),'Apply all')]"));
            assertThat(b.text()).contains("2 created, 0 updated");
            b.shot("import-applied");
            b.go(By.linkText("Customers"));
            b.open("/customers?q=" + tag);
            assertThat(b.text()).contains("Imported One " + tag, "Imported Two " + tag);
            b.shot("imported-customers");
        }
    }

    /** Puts text into the list field the way a paste does (typing thousands of characters key by key is slow). */
    private static void paste(Browser b, String text) {
        ((JavascriptExecutor) b.driver).executeScript("document.querySelector('textarea[name=list]').value = arguments[0];", text);
    }

    @Test
    @Order(6)
    void bobCannotReachAlicesCustomerByItsUrl() {
        try (Browser b = new Browser("bob", base())) {
            b.login("bob", customerPath);
            assertThat(b.text()).contains("Not found").doesNotContain(CUSTOMER);
            b.shot("not-found");
        }
    }

    @Test
    @Order(7)
    void aliceSubscribesAWebhookSendsATestEventAndReadsTheDeliveryLog() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/browser";
        try (Browser b = new Browser("alice-notify", base())) {
            b.login("alice", "/");
            b.go(By.linkText("Notifications"));
            assertThat(b.text()).contains("My e-mail digest", "Webhooks and e-mail for the partner");
            // a private address: the form comes back with the reason, and what was typed
            b.driver.findElement(By.name("target")).sendKeys("http://10.0.0.7/hook");
            b.go(By.xpath("//button[text()='Subscribe']"));
            assertThat(b.text()).contains("private, loopback or link-local address");
            assertThat(b.driver.findElement(By.name("target")).getAttribute("value")).isEqualTo("http://10.0.0.7/hook");
            b.shot("notifications-refused");
            b.driver.findElement(By.name("target")).clear();
            b.driver.findElement(By.name("target")).sendKeys(hook);
            b.go(By.xpath("//button[text()='Subscribe']"));
            assertThat(b.text()).contains("shown only once");
            assertThat(b.driver.findElement(By.cssSelector("code.webhook-secret")).getText()).startsWith("whsec_");
            b.shot("webhook-secret");
            b.open("/notifications");
            b.go(By.xpath("//tr[td/code[text()='" + hook + "']]//button[text()='Send a test event']"));
            Awaitility.await("the test event").atMost(Duration.ofSeconds(15)).until(() -> {
                b.driver.navigate().refresh();
                return b.text().contains("204");
            });
            assertThat(b.text()).contains("Delivery log", hook);
            assertThat(received).hasSize(1);
            b.shot("delivery-log");
            b.open("/notifications");
            b.go(By.linkText("日本語"));
            assertThat(b.text()).contains("通知", "テストイベントを送信");
            b.shot("notifications-ja");
            b.go(By.linkText("English"));
        } finally {
            receiver.stop(0);
            try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM subscription WHERE target = '" + hook + "'");
            }
        }
    }
}
