package dev.allowlist.portal.bench;

import static dev.allowlist.portal.TestUsers.as;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the suite (tag "bench"): bench/import.sh runs it. Imports a customer list of ROWS
 * rows (default 2,000; every column of the template filled) through the API, as alice: the preview
 * (dryRun) and the apply, each timed (target: under 10 s), with the heap's peak over each.
 */
@QuarkusTest
@Tag("bench")
class ImportBenchmark {

    private static final Logger LOG = Logger.getLogger(ImportBenchmark.class);

    @Test
    void previewAndApplyAGeneratedList() throws Exception {
        TestPartners.ensureRegistered();
        int rows = Integer.getInteger("rows", 2_000);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("name,externalReference,notes,licenses,regions,wildcardSupport,"
                + "usesActiveDirectory,tlsInspection,applicationFiltering,narrowHydra,firewallProduct,mcsHosts\n");
        String[] licenses = { "ENDPOINT", "ENDPOINT; EDR", "MTR; AD_SYNC", "EDR" };
        String[] regions = { "eu-west-1", "", "us-east-2", "ap-northeast-1" };
        String[] products = { "panos", "fortigate", "", "squid" };
        for (int i = 0; i < rows; i++) {
            csv.append("Bench import ").append(tag).append(' ').append(i).append(",BI-").append(tag).append('-').append(i)
                    .append(",row ").append(i).append(',').append(licenses[i % 4]).append(',').append(regions[i % 4])
                    .append(',').append(i % 2 == 0 ? "yes" : "no").append(",no,").append(i % 3 == 0 ? "yes" : "no")
                    .append(",no,no,").append(products[i % 4]).append(",dzr-api-amzn-eu-west-1-").append(i)
                    .append(".api-upe.p.hmr.sophos.com\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        as("alice").get("/api/v1/customers").then().statusCode(200); // warm: a token, the login
        resetPeak();
        long start = System.nanoTime();
        as("alice").contentType("text/csv").body(file).post("/api/v1/customers/import?dryRun=true").then().statusCode(200);
        double preview = (System.nanoTime() - start) / 1e9;
        long previewPeak = peak();
        resetPeak();
        start = System.nanoTime();
        as("alice").contentType("text/csv").body(file).post("/api/v1/customers/import").then().statusCode(200);
        double apply = (System.nanoTime() - start) / 1e9;
        long applyPeak = peak();
        String line = String.format("customer import of %,d rows (%,d bytes): preview %.1f s, apply %.1f s (target < 10 s each: %s); "
                + "heap peak %d MB during the preview, %d MB during the apply", rows, file.length, preview, apply,
                preview < 10 && apply < 10 ? "met" : "MISSED", previewPeak / (1024 * 1024), applyPeak / (1024 * 1024));
        LOG.info(line);
        Files.writeString(Path.of("target/bench-import.txt"), line + "\n");
    }

    static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
