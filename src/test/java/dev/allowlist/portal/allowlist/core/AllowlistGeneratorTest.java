package dev.allowlist.portal.allowlist.core;

import static dev.allowlist.portal.catalog.core.License.AD_SYNC;
import static dev.allowlist.portal.catalog.core.License.CENTRAL;
import static dev.allowlist.portal.catalog.core.License.EDR;
import static dev.allowlist.portal.catalog.core.License.ENDPOINT;
import static dev.allowlist.portal.catalog.core.License.MTR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.allowlist.core.AllowlistWarning.Code;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.Owner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AllowlistGeneratorTest {

    static final AllowlistGenerator GENERATOR = new AllowlistGenerator(BundledCatalog.get());
    static final String HOST_EU_WEST_1 = "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com";

    // The vendor page's lists, written out here independently of the catalog file.
    static final List<String> CENTRAL_EXPLICIT = List.of("central.sophos.com", "cloud-assets.sophos.com", "sophos.com",
            "downloads.sophos.com");
    static final List<String> CENTRAL_THIRD_PARTY = List.of("az416426.vo.msecnd.net", "dc.services.visualstudio.com",
            "*.cloudfront.net");
    static final List<String> ENDPOINT_EXPLICIT = List.of("dci.sophosupd.com", "d1.sophosupd.com", "d2.sophosupd.com",
            "d3.sophosupd.com", "dci.sophosupd.net", "d1.sophosupd.net", "d2.sophosupd.net", "d3.sophosupd.net",
            "t1.sophosupd.com", "sdu-feedback.sophos.com", "sophosxl.net", "4.sophosxl.net", "samples.sophosxl.net",
            "cloud.sophos.com", "id.sophos.com", "central.sophos.com", "downloads.sophos.com", "amazonaws.com",
            "*.hydra.sophos.com");
    static final List<String> CERTIFICATES = List.of("ocsp.globalsign.com", "ocsp2.globalsign.com", "crl.globalsign.com",
            "crl.globalsign.net", "ocsp.digicert.com", "crl3.digicert.com", "crl4.digicert.com");
    static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-2", "us-west-2");

    static List<String> adSyncPatterns(List<String> regions) {
        return regions.stream().map(r -> "tf-presigned-url-" + r + "-prod-*-bucket.s3." + r + ".amazonaws.com").toList();
    }

    static List<String> adSyncWildcards(List<String> regions) {
        return regions.stream().map(r -> "*.s3." + r + ".amazonaws.com").toList();
    }

    static List<String> edr(List<String> regions, boolean wildcard) {
        List<String> values = new ArrayList<>();
        for (String r : regions) {
            values.add("tf-edr-message-upload-" + r + "-prod-bucket.s3.amazonaws.com");
            if (!wildcard) { // covered by *.sophos.com otherwise
                values.add("live-terminal-" + r + ".prod.hydra.sophos.com");
                values.add("*.mcs-push-server-" + r + ".prod.hydra.sophos.com");
            }
        }
        return values;
    }

    static CustomerProfile profile(Set<License> licenses, boolean wildcard, List<String> regions) {
        return new CustomerProfile(licenses, regions, wildcard, false, false, false, false);
    }

    static List<String> values(Allowlist allowlist) {
        return allowlist.entries().stream().map(AllowlistEntry::value).toList();
    }

    @Test
    void workedExampleA() {
        Allowlist allowlist = GENERATOR.generate(profile(Set.of(CENTRAL, ENDPOINT), true, List.of()), List.of());

        assertThat(values(allowlist)).containsExactly("*.sophos.com", "sophos.com", "*.sophosupd.com", "*.sophosupd.net",
                "*.sophosxl.net", "sophosxl.net", "amazonaws.com", "az416426.vo.msecnd.net",
                "dc.services.visualstudio.com", "*.cloudfront.net", "ocsp.globalsign.com", "ocsp2.globalsign.com",
                "crl.globalsign.com", "crl.globalsign.net", "ocsp.digicert.com", "crl3.digicert.com", "crl4.digicert.com");
        assertThat(allowlist.entries()).allSatisfy(e -> assertThat(e.ports()).containsExactly(80, 443));
        assertThat(allowlist.warnings()).isEmpty();
        assertThat(allowlist.regionBasis().source()).isEqualTo(RegionBasis.Source.ALL);

        AllowlistEntry sophos = allowlist.entries().get(0);
        assertThat(sophos.kind()).isEqualTo(DomainName.Kind.WILDCARD);
        assertThat(sophos.id()).isEqualTo("central.wildcard-sophos-com");
        assertThat(sophos.reasons()).extracting(Reason::source).startsWith("central.wildcard-sophos-com",
                "endpoint.wildcard-sophos-com");
        // the explicit entries *.sophos.com replaced, each with the rule it came from
        assertThat(sophos.reasons()).filteredOn(r -> r.replaces() != null).extracting(Reason::replaces)
                .containsExactlyInAnyOrder("central.sophos.com", "cloud-assets.sophos.com", "downloads.sophos.com",
                        "central.sophos.com", "downloads.sophos.com", "sdu-feedback.sophos.com", "cloud.sophos.com",
                        "id.sophos.com", "*.hydra.sophos.com");
        AllowlistEntry ocsp2 = entry(allowlist, "ocsp2.globalsign.com");
        assertThat(ocsp2.owner()).isEqualTo(Owner.THIRD_PARTY);
        assertThat(ocsp2.reasons()).extracting(Reason::source).containsExactly("endpoint.ocsp2-globalsign-com");
    }

    @Test
    void workedExampleB() {
        CustomerProfile profile = new CustomerProfile(Set.of(CENTRAL, ENDPOINT, EDR), List.of("eu-west-1"), false,
                false, false, false, true);
        Allowlist allowlist = GENERATOR.generate(profile, List.of(HOST_EU_WEST_1));

        Set<String> expected = new LinkedHashSet<>();
        expected.addAll(CENTRAL_EXPLICIT);
        expected.addAll(CENTRAL_THIRD_PARTY);
        expected.add(HOST_EU_WEST_1);
        ENDPOINT_EXPLICIT.stream()
                .map(v -> v.equals("*.hydra.sophos.com") ? "*.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com" : v)
                .forEach(expected::add);
        expected.addAll(CERTIFICATES);
        expected.addAll(edr(List.of("eu-west-1"), false));
        assertThat(values(allowlist)).containsExactlyInAnyOrderElementsOf(expected).hasSize(35);
        assertThat(allowlist.warnings()).extracting(AllowlistWarning::code, AllowlistWarning::subject)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(Code.NEEDS_WILDCARD, "*.cloudfront.net"),
                        Tuple.tuple(Code.NEEDS_WILDCARD, "*.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com"),
                        Tuple.tuple(Code.NEEDS_WILDCARD, "*.mcs-push-server-eu-west-1.prod.hydra.sophos.com"));
        assertThat(entry(allowlist, HOST_EU_WEST_1).reasons()).containsExactly(Reason.observedHost(HOST_EU_WEST_1));
        assertThat(entry(allowlist, "central.sophos.com").reasons()).extracting(Reason::source)
                .containsExactly("central.central-sophos-com", "endpoint.central-sophos-com");
        assertThat(entry(allowlist, "*.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com").id())
                .isEqualTo("endpoint.hydra-narrow-eu-west-1");
        assertThat(allowlist.regionBasis().source()).isEqualTo(RegionBasis.Source.PROFILE);
    }

    /** Every license combination, both modes, all regions and one region: the exact entry set. */
    static Stream<Arguments> everyLicenseCombination() {
        List<Arguments> cases = new ArrayList<>();
        List<License> optional = List.of(ENDPOINT, AD_SYNC, EDR, MTR);
        for (int mask = 0; mask < 16; mask++) {
            EnumSet<License> licenses = EnumSet.of(CENTRAL);
            for (int bit = 0; bit < 4; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    licenses.add(optional.get(bit));
                }
            }
            for (boolean wildcard : List.of(true, false)) {
                for (List<String> regions : List.of(List.<String>of(), List.of("us-east-2"))) {
                    for (boolean tls : List.of(false, true)) {
                        cases.add(Arguments.of(licenses, wildcard, regions, tls));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} wildcard={1} regions={2} tls={3}")
    @MethodSource("everyLicenseCombination")
    void exactEntrySetForEveryLicenseCombination(Set<License> licenses, boolean wildcard, List<String> regions,
            boolean tlsInspection) {
        CustomerProfile profile = new CustomerProfile(licenses, regions, wildcard, false, tlsInspection, false, false);
        Set<License> effective = License.withImplications(licenses);
        List<String> regionList = regions.isEmpty() ? REGIONS : regions;

        Set<String> expected = new LinkedHashSet<>();
        if (wildcard) {
            expected.addAll(List.of("*.sophos.com", "sophos.com"));
        } else {
            expected.addAll(CENTRAL_EXPLICIT);
        }
        expected.addAll(CENTRAL_THIRD_PARTY);
        if (effective.contains(ENDPOINT)) {
            if (wildcard) {
                expected.addAll(List.of("*.sophosupd.com", "*.sophosupd.net", "*.sophosxl.net", "sophosxl.net",
                        "amazonaws.com"));
            } else {
                expected.addAll(ENDPOINT_EXPLICIT);
            }
            expected.addAll(CERTIFICATES);
        }
        if (effective.contains(AD_SYNC)) {
            expected.addAll(wildcard ? adSyncWildcards(regionList) : adSyncPatterns(regionList));
        }
        if (effective.contains(EDR)) {
            expected.addAll(edr(regionList, wildcard));
        }
        if (effective.contains(MTR) && tlsInspection) {
            expected.add("prod.endpointintel.darkbytes.io");
        }

        Allowlist allowlist = GENERATOR.generate(profile, List.of());
        assertThat(values(allowlist)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(allowlist.entries()).allSatisfy(e -> assertThat(e.reasons()).isNotEmpty());
        if (wildcard) {
            assertThat(allowlist.warnings()).isEmpty();
        } else {
            assertThat(allowlist.warnings()).extracting(AllowlistWarning::subject)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().filter(v -> v.contains("*")).toList());
        }
    }

    @Test
    void activeDirectoryWithoutTheLicenseAddsAdSyncButNotEndpoint() {
        CustomerProfile profile = new CustomerProfile(Set.of(CENTRAL), List.of("eu-central-1"), false, true, false,
                false, false);
        Allowlist allowlist = GENERATOR.generate(profile, List.of());
        assertThat(values(allowlist)).containsExactlyInAnyOrder("central.sophos.com", "cloud-assets.sophos.com",
                "sophos.com", "downloads.sophos.com", "az416426.vo.msecnd.net", "dc.services.visualstudio.com",
                "*.cloudfront.net", "tf-presigned-url-eu-central-1-prod-*-bucket.s3.eu-central-1.amazonaws.com");
        AllowlistEntry pattern = entry(allowlist, "tf-presigned-url-eu-central-1-prod-*-bucket.s3.eu-central-1.amazonaws.com");
        assertThat(pattern.kind()).isEqualTo(DomainName.Kind.PATTERN);
        assertThat(allowlist.warnings()).filteredOn(w -> w.subject().equals(pattern.value()))
                .extracting(AllowlistWarning::code, AllowlistWarning::detail)
                .containsExactly(Tuple.tuple(Code.NEEDS_WILDCARD, "ad-sync.presigned-url-eu-central-1"));

        Allowlist withWildcards = GENERATOR.generate(new CustomerProfile(Set.of(CENTRAL), List.of("eu-central-1"), true,
                true, false, false, false), List.of());
        AllowlistEntry s3 = entry(withWildcards, "*.s3.eu-central-1.amazonaws.com");
        assertThat(s3.reasons()).extracting(Reason::source, Reason::replaces).containsExactly(
                Tuple.tuple("ad-sync.wildcard-s3-eu-central-1", null),
                Tuple.tuple("ad-sync.presigned-url-eu-central-1", pattern.value()));
    }

    @Test
    void mtrNeedsTlsInspectionOrApplicationFiltering() {
        for (boolean tls : List.of(false, true)) {
            for (boolean appFilter : List.of(false, true)) {
                Allowlist allowlist = GENERATOR.generate(new CustomerProfile(Set.of(MTR), List.of(), true, false, tls,
                        appFilter, false), List.of());
                assertThat(values(allowlist).contains("prod.endpointintel.darkbytes.io")).isEqualTo(tls || appFilter);
                // MTR implies EDR implies ENDPOINT
                assertThat(values(allowlist)).contains("*.sophosupd.com",
                        "tf-edr-message-upload-us-west-2-prod-bucket.s3.amazonaws.com");
            }
        }
    }

    @Test
    void regionIsInferredFromObservedHostsWhenTheProfileHasNone() {
        Allowlist allowlist = GENERATOR.generate(new CustomerProfile(Set.of(EDR), List.of(), false, false, false, false,
                true), List.of(HOST_EU_WEST_1));
        assertThat(allowlist.regionBasis().source()).isEqualTo(RegionBasis.Source.INFERRED);
        assertThat(allowlist.regionBasis().regions()).containsExactly("eu-west-1");
        assertThat(allowlist.regionBasis().inferredFrom()).containsEntry("eu-west-1", HOST_EU_WEST_1);
        assertThat(values(allowlist)).contains("*.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com",
                "live-terminal-eu-west-1.prod.hydra.sophos.com").doesNotContain("*.hydra.sophos.com",
                "live-terminal-us-east-2.prod.hydra.sophos.com");
    }

    @Test
    void regionOutsideTheVendorsFourIsAcceptedWithAWarning() {
        Allowlist allowlist = GENERATOR.generate(new CustomerProfile(Set.of(EDR), List.of("ap-southeast-2"), false,
                false, false, false, true), List.of());
        assertThat(allowlist.warnings()).extracting(AllowlistWarning::code).contains(Code.REGION_WITHOUT_RULES,
                Code.NARROW_HYDRA_REGION_WITHOUT_RULE);
        assertThat(values(allowlist)).contains("*.hydra.sophos.com").noneMatch(v -> v.contains("live-terminal"));
    }

    @Test
    void aRegionWithoutVendorHostsNamesEveryRuleItCouldNotEmitAndWhatCoversIt() {
        Allowlist explicit = GENERATOR.generate(new CustomerProfile(Set.of(EDR, AD_SYNC), List.of("ap-northeast-1"), false,
                false, false, false, false), List.of());
        assertThat(explicit.unemitted()).extracting(UnemittedRule::rule).containsExactlyInAnyOrder(
                "ad-sync.presigned-url-<region>", "edr.message-upload-<region>", "edr.live-terminal-<region>",
                "edr.mcs-push-server-<region>"); // the wildcard form needs wildcard support; narrowing is no loss
        UnemittedRule liveTerminal = explicit.unemitted().stream().filter(u -> u.rule().equals("edr.live-terminal-<region>"))
                .findFirst().orElseThrow();
        assertThat(liveTerminal.hostPattern()).isEqualTo("live-terminal-<region>.prod.hydra.sophos.com");
        assertThat(liveTerminal.coveredBy()).isEqualTo("*.hydra.sophos.com"); // in the list, but this proxy cannot take it
        assertThat(liveTerminal.proxyTakes()).isFalse();
        assertThat(explicit.unemitted()).filteredOn(u -> u.rule().startsWith("edr.message-upload"))
                .extracting(UnemittedRule::coveredBy).containsOnlyNulls();

        Allowlist wildcard = GENERATOR.generate(new CustomerProfile(Set.of(EDR), List.of("ap-northeast-1"), true,
                false, false, false, false), List.of());
        assertThat(wildcard.unemitted()).filteredOn(u -> u.rule().equals("edr.live-terminal-<region>"))
                .extracting(UnemittedRule::coveredBy, UnemittedRule::proxyTakes)
                .containsExactly(Tuple.tuple("*.sophos.com", true));
        // a region the vendor names hosts for loses nothing; the content hash ignores the list
        assertThat(GENERATOR.generate(profile(Set.of(EDR), true, List.of("eu-west-1")), List.of()).unemitted()).isEmpty();
    }

    @Test
    void regionInferenceTrustsOnlyNamesTheCatalogKnows() {
        CustomerProfile noRegion = new CustomerProfile(Set.of(EDR), List.of(), false, false, false, false, false);
        Allowlist unknown = GENERATOR.generate(noRegion, List.of("dzr-api-amzn-me-south-1-1a2b.api-upe.p.hmr.sophos.com"));
        assertThat(unknown.regionBasis().source()).isEqualTo(RegionBasis.Source.ALL);
        Allowlist japan = GENERATOR.generate(noRegion, List.of("dzr-api-amzn-ap-northeast-1-1a2b.api-upe.p.hmr.sophos.com"));
        assertThat(japan.regionBasis().source()).isEqualTo(RegionBasis.Source.INFERRED);
        assertThat(japan.regionBasis().regions()).containsExactly("ap-northeast-1");
        assertThat(japan.unemitted()).isNotEmpty();
        // a host under a region-bound rule's wildcard names that rule's region
        Allowlist push = GENERATOR.generate(noRegion, List.of("a1.mcs-push-server-us-west-2.prod.hydra.sophos.com"));
        assertThat(push.regionBasis().regions()).containsExactly("us-west-2");
        // with regions typed in the profile, an unknown host changes nothing
        Allowlist typed = GENERATOR.generate(new CustomerProfile(Set.of(EDR), List.of("eu-central-1"), false, false, false,
                false, false), List.of("dzr-api-amzn-me-south-1-1a2b.api-upe.p.hmr.sophos.com"));
        assertThat(typed.regionBasis().regions()).containsExactly("eu-central-1");
        assertThat(typed.warnings()).extracting(AllowlistWarning::code).doesNotContain(Code.HOST_REGION_MISMATCH);
    }

    @Test
    void narrowHydraWithoutARegionKeepsTheWildcardAndSaysWhy() {
        Allowlist allowlist = GENERATOR.generate(new CustomerProfile(Set.of(ENDPOINT), List.of(), false, false, false,
                false, true), List.of());
        assertThat(values(allowlist)).contains("*.hydra.sophos.com").noneMatch(v -> v.contains("mcs2-cloudstation"));
        assertThat(allowlist.warnings()).extracting(AllowlistWarning::code).contains(Code.NARROW_HYDRA_NEEDS_REGION);
    }

    @Test
    void observedHostsAreCoveredInWildcardModeAndListedInExplicitMode() {
        List<String> hosts = List.of(HOST_EU_WEST_1, "mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com");
        Allowlist wildcard = GENERATOR.generate(profile(Set.of(ENDPOINT), true, List.of()), hosts);
        assertThat(values(wildcard)).doesNotContain(HOST_EU_WEST_1);
        assertThat(entry(wildcard, "*.sophos.com").reasons()).contains(
                Reason.observedHost(HOST_EU_WEST_1).replacing(HOST_EU_WEST_1));

        Allowlist explicit = GENERATOR.generate(profile(Set.of(ENDPOINT), false, List.of()), hosts);
        assertThat(values(explicit)).contains(HOST_EU_WEST_1, "mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com");
    }

    @Test
    void hostOutsideSophosDomainsIsListedAsThirdPartyWithAWarning() {
        Allowlist allowlist = GENERATOR.generate(profile(Set.of(ENDPOINT), true, List.of()), List.of("proxy.example.com"));
        assertThat(entry(allowlist, "proxy.example.com").owner()).isEqualTo(Owner.THIRD_PARTY);
        assertThat(allowlist.warnings()).extracting(AllowlistWarning::code).containsExactly(Code.HOST_OUTSIDE_VENDOR_DOMAINS);
    }

    @Test
    void hostNamingAnotherRegionThanTheProfileIsFlagged() {
        Allowlist allowlist = GENERATOR.generate(profile(Set.of(ENDPOINT), false, List.of("us-west-2")), List.of(HOST_EU_WEST_1));
        assertThat(allowlist.warnings()).filteredOn(w -> w.code() == Code.HOST_REGION_MISMATCH)
                .extracting(AllowlistWarning::subject, AllowlistWarning::detail)
                .containsExactly(Tuple.tuple(HOST_EU_WEST_1, "eu-west-1"));
    }

    @Test
    void contentHashFollowsValuesKindsAndPortsButNotReasonsOrOrder() {
        AllowlistEntry a = new AllowlistEntry("r.a", "a.sophos.com", DomainName.Kind.EXACT, List.of(80, 443), Owner.SOPHOS,
                List.of(Reason.rule("r.a", "central")));
        AllowlistEntry b = new AllowlistEntry("r.b", "*.b.sophos.com", DomainName.Kind.WILDCARD, List.of(80, 443),
                Owner.SOPHOS, List.of(Reason.rule("r.b", "central")));
        String hash = AllowlistGenerator.contentHash(List.of(a, b));
        assertThat(AllowlistGenerator.contentHash(List.of(b, a))).isEqualTo(hash);
        assertThat(AllowlistGenerator.contentHash(List.of(a, new AllowlistEntry("other", b.value(), b.kind(), b.ports(),
                b.owner(), List.of(Reason.observedHost("x.sophos.com")))))).isEqualTo(hash);
        assertThat(AllowlistGenerator.contentHash(List.of(a, new AllowlistEntry(b.id(), b.value(), b.kind(), List.of(443),
                b.owner(), b.reasons())))).isNotEqualTo(hash);
        assertThat(AllowlistGenerator.contentHash(List.of(a, new AllowlistEntry(b.id(), b.value(), DomainName.Kind.PATTERN,
                b.ports(), b.owner(), b.reasons())))).isNotEqualTo(hash);
        assertThat(AllowlistGenerator.contentHash(List.of(a))).isNotEqualTo(hash);
    }

    static AllowlistEntry entry(Allowlist allowlist, String value) {
        return allowlist.entries().stream().filter(e -> e.value().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + value + " in " + values(allowlist)));
    }
}
