package dev.allowlist.portal.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.DomainName;
import dev.allowlist.portal.catalog.License;
import dev.allowlist.portal.catalog.Owner;
import dev.allowlist.portal.catalog.Rule;
import dev.allowlist.portal.catalog.RuleCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The generator's invariants over random profiles and observed hosts. */
class AllowlistGeneratorPropertiesTest {

    static final RuleCatalog CATALOG = BundledCatalog.get();
    static final AllowlistGenerator GENERATOR = new AllowlistGenerator(CATALOG);
    static final List<String> HOST_POOL = List.of(
            "dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com",
            "dzr-api-amzn-us-east-2-1c2d.api-upe.p.hmr.sophos.com",
            "mcs2-cloudstation-eu-central-1.prod.hydra.sophos.com",
            "mcs.sophos.com", "d1.sophosupd.com", "central.sophos.com", "4.sophosxl.net",
            "proxy.example.org", "xn--bcher-kva.example.com", "mcs-ap-southeast-2.sophos.com");

    record Input(CustomerProfile profile, List<String> hosts) {
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Set<License>> licenses = Arbitraries.of(License.values()).set();
        Arbitrary<List<String>> regions = Arbitraries.of("eu-west-1", "eu-central-1", "us-east-2", "us-west-2",
                "ap-southeast-2").list().uniqueElements().ofMaxSize(3);
        Arbitrary<List<String>> hosts = Arbitraries.of(HOST_POOL).list().uniqueElements().ofMaxSize(4);
        Arbitrary<boolean[]> flags = Arbitraries.of(true, false).array(boolean[].class).ofSize(5);
        return Combinators.combine(licenses, regions, hosts, flags).as((l, r, h, f) -> new Input(
                new CustomerProfile(l, r, f[0], f[1], f[2], f[3], f[4]), h));
    }

    @Property(tries = 400)
    void everyEntryTracesToARuleOrAnObservedHost(@ForAll("inputs") Input input) {
        Allowlist allowlist = GENERATOR.generate(input.profile(), input.hosts());
        for (AllowlistEntry entry : allowlist.entries()) {
            assertThat(entry.reasons()).isNotEmpty();
            boolean direct = entry.reasons().stream().filter(r -> r.replaces() == null).anyMatch(r -> r.isObservedHost()
                    ? r.source().equals("mcs:" + entry.value()) && input.hosts().contains(entry.value())
                    : CATALOG.rule(r.source()).map(Rule::value).filter(entry.value()::equals).isPresent());
            assertThat(direct).as("%s has a reason that names it", entry.value()).isTrue();
            for (Reason reason : entry.reasons()) {
                if (reason.isObservedHost()) {
                    assertThat(input.hosts()).contains(reason.source().substring("mcs:".length()));
                } else {
                    assertThat(CATALOG.rule(reason.source())).isPresent();
                }
                if (reason.replaces() != null) {
                    assertThat(DomainName.covers(entry.value(), reason.replaces())).isTrue();
                }
            }
        }
    }

    @Property(tries = 400)
    void inWildcardModeNoEntryIsCoveredByAnotherChosenWildcard(@ForAll("inputs") Input input) {
        CustomerProfile p = input.profile();
        CustomerProfile wildcard = new CustomerProfile(p.licenses(), p.regions(), true, p.usesActiveDirectory(),
                p.tlsInspection(), p.applicationFiltering(), p.narrowHydra());
        List<AllowlistEntry> entries = GENERATOR.generate(wildcard, input.hosts()).entries();
        for (AllowlistEntry covering : entries) {
            if (covering.kind() != DomainName.Kind.WILDCARD || covering.owner() != Owner.SOPHOS) {
                continue;
            }
            for (AllowlistEntry other : entries) {
                if (other.owner() == Owner.SOPHOS) {
                    assertThat(DomainName.covers(covering.value(), other.value()))
                            .as("%s covers %s", covering.value(), other.value()).isFalse();
                }
            }
        }
    }

    @Property(tries = 400)
    void thirdPartyEntriesAreNeverWidened(@ForAll("inputs") Input input) {
        Set<String> vendorListed = CATALOG.rules().stream().filter(r -> r.owner() == Owner.THIRD_PARTY)
                .map(Rule::value).collect(Collectors.toSet());
        for (AllowlistEntry entry : GENERATOR.generate(input.profile(), input.hosts()).entries()) {
            if (entry.owner() == Owner.THIRD_PARTY) {
                assertThat(vendorListed.contains(entry.value()) || input.hosts().contains(entry.value()))
                        .as(entry.value()).isTrue();
                if (entry.kind() != DomainName.Kind.EXACT) {
                    // the only third-party wildcard is the one the vendor itself lists
                    assertThat(entry.value()).isEqualTo("*.cloudfront.net");
                }
                assertThat(entry.reasons()).allMatch(r -> r.replaces() == null);
            }
        }
    }

    @Property(tries = 300)
    void outputIsIndependentOfInputOrder(@ForAll("inputs") Input input, @ForAll long seed) {
        List<String> hosts = new ArrayList<>(input.hosts());
        List<String> regions = new ArrayList<>(input.profile().regions());
        Collections.shuffle(hosts, new Random(seed));
        Collections.shuffle(regions, new Random(seed + 1));
        CustomerProfile p = input.profile();
        CustomerProfile shuffled = new CustomerProfile(p.licenses(), regions, p.wildcardSupport(),
                p.usesActiveDirectory(), p.tlsInspection(), p.applicationFiltering(), p.narrowHydra());
        assertThat(GENERATOR.generate(shuffled, hosts)).isEqualTo(GENERATOR.generate(p, input.hosts()));
    }

    @Property(tries = 400)
    void hashChangesIffEntrySetPortsOrKindsChange(@ForAll("inputs") Input a, @ForAll("inputs") Input b) {
        Allowlist first = GENERATOR.generate(a.profile(), a.hosts());
        Allowlist second = GENERATOR.generate(b.profile(), b.hosts());
        boolean sameContent = content(first).equals(content(second));
        assertThat(first.contentHash().equals(second.contentHash())).isEqualTo(sameContent);
    }

    private static Set<String> content(Allowlist allowlist) {
        return allowlist.entries().stream().map(e -> e.value() + "|" + e.kind() + "|" + e.ports())
                .collect(Collectors.toSet());
    }
}
