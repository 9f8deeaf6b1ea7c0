package dev.allowlist.portal.check.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ExportFormats;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reconciliation with each product's matching rules, against the portal's own exports and hand-broken ones. */
class ReconcilerTest {

    static final Allowlist WILDCARD = new AllowlistGenerator(BundledCatalog.get()).generate(new CustomerProfile(
            Set.of(License.ENDPOINT, License.AD_SYNC), List.of("eu-west-1"), true, false, false, false, false),
            List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com"));

    static String export(String format) {
        return ExportFormats.byId(format).orElseThrow().render(new ExportFormat.ExportContext("Sakura", 11, 3,
                Instant.parse("2026-12-01T00:00:00Z"), WILDCARD, null)).content();
    }

    static Reconciliation reconcile(String text, ListFormat format) {
        return Reconciler.reconcile(WILDCARD, FirewallLists.parse(text, format));
    }

    @ParameterizedTest
    @ValueSource(strings = { "txt", "csv", "squid", "pac", "panos-url", "fortigate-cli", "cisco-fmc-objects", "sophos-firewall-xml" })
    void eachExportIsDetectedAndAllowsEveryEntryWithNothingBroaderOrExtra(String id) {
        String text = export(id.equals("csv") ? "csv" : id);
        ListFormat format = FirewallLists.detect(text);
        assertThat(format.id()).isEqualTo(id);
        Reconciliation result = reconcile(text, format);
        assertThat(result.missingValues()).as(id).isEmpty();
        assertThat(result.broader()).as(id).isZero();
        assertThat(result.extra()).as(id).isZero();
        assertThat(result.skipped()).as(id).isEmpty();
        assertThat(result.required()).hasSize(WILDCARD.entries().size());
    }

    @Test
    void aSquidFileMissingOneHostWithOneBroaderEntry() {
        String squid = export("squid").replace("\nocsp.digicert.com\n", "\n") + ".amazonaws.com\n";
        Reconciliation result = reconcile(squid, FirewallLists.detect(squid));
        assertThat(result.format()).isEqualTo(ListFormat.SQUID);
        assertThat(result.missingValues()).containsExactly("ocsp.digicert.com");
        assertThat(result.firewall()).filteredOn(f -> f.status() == Reconciliation.FoundStatus.BROADER)
                .singleElement().satisfies(f -> {
                    assertThat(f.text()).isEqualTo(".amazonaws.com");
                    assertThat(f.covers()).contains("amazonaws.com", "*.s3.eu-west-1.amazonaws.com");
                });
        assertThat(result.extra()).isZero();
    }

    @Test
    void aPanOsListWithAnOverMatchingApexLine() {
        String panos = export("panos-url").replace("\namazonaws.com/\n", "\namazonaws.com\n") + "example.org/\n";
        Reconciliation result = reconcile(panos, ListFormat.PANOS_URL);
        assertThat(result.required()).filteredOn(r -> r.value().equals("amazonaws.com")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(Reconciliation.RequiredStatus.COVERED);
                    assertThat(r.by()).isEqualTo("amazonaws.com");
                });
        assertThat(result.firewall()).filteredOn(f -> f.text().equals("amazonaws.com")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Reconciliation.FoundStatus.BROADER))
                .satisfies(f -> assertThat(f.overMatches()).isTrue());
        assertThat(result.firewall()).filteredOn(f -> f.text().equals("example.org/")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Reconciliation.FoundStatus.EXTRA));
        // PAN-OS matching itself: the ending token stops at the host, its absence does not
        FirewallEntry apex = FirewallLists.parse("amazonaws.com\n", ListFormat.PANOS_URL).entries().get(0);
        assertThat(apex.matchesHost("amazonaws.com.evil.net")).isTrue();
        FirewallEntry exact = FirewallLists.parse("amazonaws.com/\n", ListFormat.PANOS_URL).entries().get(0);
        assertThat(exact.matchesHost("amazonaws.com.evil.net")).isFalse();
        FirewallEntry star = FirewallLists.parse("*.sophos.com/\n", ListFormat.PANOS_URL).entries().get(0);
        assertThat(star.matchesHost("a.b.sophos.com")).isTrue();
        assertThat(star.matchesHost("sophos.com")).isFalse();
    }

    @Test
    void aWildcardIsCoveredOnlyByAnEntryForAllItsSubdomains() {
        Reconciliation explicitOnly = reconcile("central.sophos.com\nsophos.com\n", ListFormat.TXT);
        assertThat(explicitOnly.missingValues()).contains("*.sophos.com");
        Reconciliation parent = reconcile("*.com\n", ListFormat.TXT);
        assertThat(parent.required()).filteredOn(r -> r.value().equals("*.sophos.com")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(Reconciliation.RequiredStatus.COVERED));
        assertThat(parent.firewall().get(0).status()).isEqualTo(Reconciliation.FoundStatus.BROADER);
    }

    @Test
    void fortiOsShowOutputIsReadAndOtherAddressesAreIgnored() {
        String show = """
                config firewall address
                    edit "all"
                        set uuid 1b2e
                    next
                    edit "lan"
                        set subnet 10.0.0.0 255.0.0.0
                    next
                    edit "sophos"
                        set type wildcard-fqdn
                        set wildcard-fqdn "*.sophos.com"
                    next
                    edit "apex"
                        set type fqdn
                        set fqdn "sophos.com"
                    next
                end
                """;
        Reconciliation result = reconcile(show, FirewallLists.detect(show));
        assertThat(result.format()).isEqualTo(ListFormat.FORTIOS);
        assertThat(result.firewall()).hasSize(2);
        assertThat(result.required()).filteredOn(r -> r.value().equals("*.sophos.com") || r.value().equals("sophos.com"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(Reconciliation.RequiredStatus.PRESENT));
    }

    @Test
    void unreadableInputIsNamedAndXmlEntitiesAreRefused() {
        Reconciliation withJunk = reconcile("sophos.com\nthis is not a host\n", ListFormat.TXT);
        assertThat(withJunk.skipped()).singleElement().asString().contains("line 2");
        assertThatThrownBy(() -> FirewallLists.parse("{not json", ListFormat.CISCO_FMC)).isInstanceOf(IllegalArgumentException.class);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Request><FQDN>&x;</FQDN></Request>";
        assertThatThrownBy(() -> FirewallLists.parse(xxe, ListFormat.SOPHOS_FIREWALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FirewallLists.parse("a.b\n".repeat(FirewallLists.MAX_LINES + 1), ListFormat.TXT))
                .hasMessageContaining("lines");
    }
}
