package dev.allowlist.portal.check.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckReportsTest {

    static final Set<String> HOSTS = Set.of("central.sophos.com", "ocsp.digicert.com");

    static CheckReport report(long customerId, int version, String machine, String host) {
        return new CheckReport(CheckReport.SCHEMA, "2", customerId, version, machine, null, List.of(
                new CheckReport.HostResult(host, true, List.of(new CheckReport.PortResult(443, true, 12, null),
                        new CheckReport.PortResult(80, false, null, "no TCP connection (curl exit 7)")), null)));
    }

    @Test
    void aReportOfThisCustomerPasses() {
        assertThat(CheckReports.problems(report(7, 2, "pc-01", "central.sophos.com"), 7, 3, HOSTS)).isEmpty();
        CheckReport r = report(7, 2, "pc-01", "central.sophos.com");
        assertThat(r.passed()).isZero();
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.results().get(0).failures()).containsExactly("port-80");
    }

    @Test
    void everyWayAReportIsNotThisCustomersIsNamed() {
        assertThat(CheckReports.problems(report(8, 2, "pc-01", "central.sophos.com"), 7, 3, HOSTS))
                .singleElement().asString().contains("another customer");
        assertThat(CheckReports.problems(report(7, 4, "pc-01", "central.sophos.com"), 7, 3, HOSTS))
                .singleElement().asString().contains("allowlistVersion");
        assertThat(CheckReports.problems(report(7, 2, "pc-01", "evil.example.com"), 7, 3, HOSTS))
                .singleElement().asString().contains("not in this customer's allowlist");
        assertThat(CheckReports.problems(report(7, 2, "<script>", "central.sophos.com"), 7, 3, HOSTS))
                .singleElement().asString().contains("machine");
        assertThat(CheckReports.problems(report(7, 2, "x".repeat(256), "central.sophos.com"), 7, 3, HOSTS)).isNotEmpty();
        CheckReport wrongSchema = new CheckReport("other/1", "2", 7, 2, "pc", null, List.of());
        assertThat(CheckReports.problems(wrongSchema, 7, 3, HOSTS)).anyMatch(p -> p.contains("schema"))
                .anyMatch(p -> p.contains("results"));
    }
}
