package dev.allowlist.portal.allowlist.core;

import static dev.allowlist.portal.catalog.core.License.EDR;
import static dev.allowlist.portal.catalog.core.License.ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.Owner;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeReportTest {

    static final AllowlistGenerator GENERATOR = new AllowlistGenerator(BundledCatalog.get());

    static List<AllowlistEntry> entries(Set<License> licenses, boolean wildcard,
            List<String> hosts) {
        return GENERATOR.generate(new CustomerProfile(licenses, List.of("eu-west-1"), wildcard, false, false, false, false),
                hosts).entries();
    }

    @Test
    void aLicenseAddedReadsAsTheEntriesToAdd() {
        ChangeReport report = ChangeReport.between(1, entries(Set.of(ENDPOINT), false, List.of()), 2,
                entries(Set.of(EDR), false, List.of()), List.of("profile-changed"));
        assertThat(report.added()).extracting(ChangeReport.Change::value, ChangeReport.Change::impact).containsExactly(
                tuple("tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com", "added entry"),
                tuple("live-terminal-eu-west-1.prod.hydra.sophos.com", "added entry"),
                tuple("*.mcs-push-server-eu-west-1.prod.hydra.sophos.com", "added entry"));
        assertThat(report.added()).extracting(ChangeReport.Change::id)
                .containsExactly("edr.message-upload-eu-west-1", "edr.live-terminal-eu-west-1", "edr.mcs-push-server-eu-west-1");
        assertThat(report.removed()).isEmpty();
        assertThat(report.changed()).isEmpty();
        assertThat(report.causes()).containsExactly("profile-changed");
    }

    @Test
    void aWildcardModeSwitchReadsAsExplicitEntriesReplacedByWildcards() {
        ChangeReport report = ChangeReport.between(3, entries(Set.of(ENDPOINT), false, List.of()), 4,
                entries(Set.of(ENDPOINT), true, List.of()), List.of("profile-changed"));
        ChangeReport.Change sophosupd = report.added().stream().filter(c -> c.value().equals("*.sophosupd.com")).findFirst()
                .orElseThrow();
        assertThat(sophosupd.impact()).isEqualTo("wildcard substituted for explicit entries");
        assertThat(sophosupd.related()).containsExactlyInAnyOrder("dci.sophosupd.com", "d1.sophosupd.com", "d2.sophosupd.com",
                "d3.sophosupd.com", "t1.sophosupd.com");
        assertThat(sophosupd.detail()).startsWith("explicit entries replaced by wildcard *.sophosupd.com: ");
        assertThat(report.removed()).filteredOn(c -> c.value().equals("d1.sophosupd.com")).singleElement()
                .satisfies(c -> {
                    assertThat(c.impact()).isEqualTo("wildcard substituted for explicit entries");
                    assertThat(c.related()).containsExactly("*.sophosupd.com");
                });
        // the apex stays, the third-party entries stay: nothing else in the report
        assertThat(report.removed()).extracting(ChangeReport.Change::value).doesNotContain("sophos.com", "sophosxl.net",
                "amazonaws.com", "ocsp.digicert.com");
        assertThat(report.added()).extracting(ChangeReport.Change::value)
                .containsExactlyInAnyOrder("*.sophos.com", "*.sophosupd.com", "*.sophosupd.net", "*.sophosxl.net");
        // and back: a wildcard replaced by explicit entries
        ChangeReport back = ChangeReport.between(4, entries(Set.of(ENDPOINT), true, List.of()), 5,
                entries(Set.of(ENDPOINT), false, List.of()), List.of());
        assertThat(back.removed()).filteredOn(c -> c.value().equals("*.sophosxl.net")).singleElement()
                .extracting(ChangeReport.Change::impact).isEqualTo("explicit entries substituted for a wildcard");
    }

    @Test
    void portsKindsAndReasonsChangesAreReported() {
        AllowlistEntry a = new AllowlistEntry("r.a", "a.sophos.com", DomainName.Kind.EXACT, List.of(80, 443), Owner.SOPHOS,
                List.of(Reason.rule("r.a", "central")));
        AllowlistEntry aPorts = new AllowlistEntry("r.a", "a.sophos.com", DomainName.Kind.EXACT, List.of(443), Owner.SOPHOS,
                List.of(Reason.rule("r.a", "central")));
        AllowlistEntry aReasons = new AllowlistEntry("r.a", "a.sophos.com", DomainName.Kind.EXACT, List.of(80, 443),
                Owner.SOPHOS, List.of(Reason.rule("r.a", "central"), Reason.observedHost("a.sophos.com")));
        assertThat(ChangeReport.between(1, List.of(a), 2, List.of(aPorts), List.of()).changed())
                .extracting(ChangeReport.Change::impact, ChangeReport.Change::detail)
                .containsExactly(tuple("ports changed", "ports [80, 443] → [443]"));
        assertThat(ChangeReport.between(1, List.of(a), 2, List.of(aReasons), List.of()).changed())
                .extracting(ChangeReport.Change::impact).containsExactly("reasons changed");
        assertThat(ChangeReport.between(1, List.of(a), 2, List.of(a), List.of()).size()).isZero();
    }
}
