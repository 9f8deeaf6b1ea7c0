import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.core.CatalogParser;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import dev.allowlist.portal.check.core.FirewallLists;
import dev.allowlist.portal.check.core.ListFormat;
import dev.allowlist.portal.check.core.Reconciler;
import dev.allowlist.portal.check.core.Reconciliation;
import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ExportFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How long reconciling a 5,000-line firewall list takes (target: under 200 ms): the customer's own
 * export plus thousands of other entries, as a large firewall carries them, read and compared; for
 * each format whose matching differs (Squid, PAN-OS with regular expressions, plain text). Median
 * of the measured runs after a warm-up, one thread. Run with bench/reconcile.sh.
 */
public class ReconcileBenchmark {

    public static void main(String[] args) throws Exception {
        RuleCatalog catalog = new CatalogParser().parse(Files.readString(Path.of("src/main/resources/catalog/sophos-central.json")));
        Allowlist allowlist = new AllowlistGenerator(catalog).generate(new CustomerProfile(
                Set.of(License.EDR, License.AD_SYNC, License.MTR), List.of(), false, true, true, false, false),
                List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com"));
        int lines = Integer.getInteger("lines", 5000);
        int runs = Integer.getInteger("runs", 50);
        boolean pass = true;
        for (String format : List.of("squid", "panos-url", "txt")) {
            String own = ExportFormats.byId(format).orElseThrow().render(new ExportFormat.ExportContext("Bench", 1, 1,
                    Instant.EPOCH, allowlist, null)).content();
            StringBuilder text = new StringBuilder(own);
            long count = own.lines().count();
            for (int i = 0; count < lines; i++, count++) {
                String host = "host" + i + ".site" + (i % 97) + ".example.net";
                text.append(switch (format) {
                    case "squid" -> i % 3 == 0 ? "." + host : host;
                    case "panos-url" -> i % 3 == 0 ? "*." + host + "/" : i % 5 == 0 ? host : host + "/";
                    default -> i % 3 == 0 ? "*." + host : host;
                }).append('\n');
            }
            String list = text.toString();
            ListFormat listFormat = ListFormat.byId(format).orElseThrow();
            for (int i = 0; i < 20; i++) {
                Reconciler.reconcile(allowlist, FirewallLists.parse(list, listFormat));
            }
            long[] times = new long[runs];
            Reconciliation result = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                result = Reconciler.reconcile(allowlist, FirewallLists.parse(list, listFormat));
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            double median = times[runs / 2] / 1e6;
            double worst = times[runs - 1] / 1e6;
            boolean ok = median < 200;
            pass &= ok;
            System.out.printf("%-10s %,6d lines, %3d required: median %7.1f ms, slowest %7.1f ms (target < 200 ms: %s); "
                    + "%d missing, %d extra%n", format, list.lines().count(), allowlist.entries().size(), median, worst,
                    ok ? "met" : "MISSED", result.missing(), result.extra());
        }
        if (!pass) {
            System.exit(1);
        }
    }
}
