import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.core.CatalogParser;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How long one allowlist takes to generate: a measured loop over a mix of realistic profiles,
 * after a warm-up, on one thread. Run with bench/generator.sh.
 */
public class GeneratorBenchmark {

    public static void main(String[] args) throws Exception {
        RuleCatalog catalog = new CatalogParser().parse(Files.readString(Path.of("src/main/resources/catalog/sophos-central.json")));
        AllowlistGenerator generator = new AllowlistGenerator(catalog);
        List<CustomerProfile> profiles = List.of(
                new CustomerProfile(Set.of(License.ENDPOINT), List.of(), true, false, false, false, false),
                new CustomerProfile(EnumSet.of(License.ENDPOINT, License.EDR), List.of("eu-west-1"), false, false, false, false, true),
                new CustomerProfile(EnumSet.of(License.MTR, License.AD_SYNC), List.of(), false, true, true, false, false),
                new CustomerProfile(EnumSet.of(License.EDR), List.of("us-east-2", "ap-southeast-2"), true, true, false, true, true));
        List<List<String>> hosts = List.of(List.of(),
                List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com"),
                List.of("mcs2-cloudstation-us-east-2.prod.hydra.sophos.com", "mcs.sophos.com", "proxy.example.org"),
                List.of());
        int warmup = 200_000;
        int measured = Integer.getInteger("iterations", 1_000_000);
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += generator.generate(profiles.get(i & 3), hosts.get(i & 3)).entries().size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            Allowlist allowlist = generator.generate(profiles.get(i & 3), hosts.get(i & 3));
            sink += allowlist.entries().size();
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf("allowlist generation: %d iterations, %.1f µs per allowlist (%.0f per second, one thread) [%d]%n",
                measured, elapsed / 1000.0 / measured, measured / (elapsed / 1e9), sink % 10);
    }
}
