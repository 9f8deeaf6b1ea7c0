package dev.allowlist.portal.allowlist.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.PropertyCheck;
import dev.allowlist.portal.catalog.BundledCatalog;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.catalog.core.Owner;
import dev.allowlist.portal.catalog.core.Rule;
import dev.allowlist.portal.catalog.core.RuleCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

    static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-2", "us-west-2", "ap-southeast-2");

    record Input(CustomerProfile profile, List<String> hosts) {
    }

    static Input input(Random random) {
        Set<License> licenses = EnumSet.noneOf(License.class);
        licenses.addAll(PropertyCheck.someOf(random, List.of(License.values()), License.values().length));
        boolean[] f = new boolean[5];
        for (int i = 0; i < f.length; i++) {
            f[i] = random.nextBoolean();
        }
        return new Input(new CustomerProfile(licenses, PropertyCheck.someOf(random, REGIONS, 3), f[0], f[1], f[2], f[3],
                f[4]), PropertyCheck.someOf(random, HOST_POOL, 4));
    }

    /** Fewer hosts, regions or licenses, or one option switched off. */
    static List<Input> smaller(Input input) {
        CustomerProfile p = input.profile();
        List<Input> smaller = new ArrayList<>();
        PropertyCheck.withoutOne(input.hosts()).forEach(h -> smaller.add(new Input(p, h)));
        PropertyCheck.withoutOne(p.regions()).forEach(r -> smaller.add(new Input(new CustomerProfile(p.licenses(), r,
                p.wildcardSupport(), p.usesActiveDirectory(), p.tlsInspection(), p.applicationFiltering(), p.narrowHydra()),
                input.hosts())));
        for (License license : p.licenses()) {
            Set<License> fewer = EnumSet.noneOf(License.class);
            fewer.addAll(p.licenses());
            fewer.remove(license);
            smaller.add(new Input(new CustomerProfile(fewer, p.regions(), p.wildcardSupport(), p.usesActiveDirectory(),
                    p.tlsInspection(), p.applicationFiltering(), p.narrowHydra()), input.hosts()));
        }
        boolean[] f = { p.wildcardSupport(), p.usesActiveDirectory(), p.tlsInspection(), p.applicationFiltering(),
            p.narrowHydra() };
        for (int i = 0; i < f.length; i++) {
            if (f[i]) {
                boolean[] g = f.clone();
                g[i] = false;
                smaller.add(new Input(new CustomerProfile(p.licenses(), p.regions(), g[0], g[1], g[2], g[3], g[4]),
                        input.hosts()));
            }
        }
        return smaller;
    }

    static PropertyCheck<Input> forAllInputs(String name, int tries) {
        return PropertyCheck.forAll(name, AllowlistGeneratorPropertiesTest::input).tries(tries)
                .shrinking(AllowlistGeneratorPropertiesTest::smaller);
    }

    @Test
    void everyEntryTracesToARuleOrAnObservedHost() {
        forAllInputs("every entry traces to a rule or an observed host", 400).check(input -> {
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
        });
    }

    @Test
    void inWildcardModeNoEntryIsCoveredByAnotherChosenWildcard() {
        forAllInputs("in wildcard mode no entry is covered by another chosen wildcard", 400).check(input -> {
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
        });
    }

    @Test
    void thirdPartyEntriesAreNeverWidened() {
        forAllInputs("third-party entries are never widened", 400).check(input -> {
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
        });
    }

    @Test
    void outputIsIndependentOfInputOrder() {
        forAllInputs("output is independent of input order", 300).check(input -> {
        long seed = input.hashCode();
        List<String> hosts = new ArrayList<>(input.hosts());
        List<String> regions = new ArrayList<>(input.profile().regions());
        Collections.shuffle(hosts, new Random(seed));
        Collections.shuffle(regions, new Random(seed + 1));
        CustomerProfile p = input.profile();
        CustomerProfile shuffled = new CustomerProfile(p.licenses(), regions, p.wildcardSupport(),
                p.usesActiveDirectory(), p.tlsInspection(), p.applicationFiltering(), p.narrowHydra());
        assertThat(GENERATOR.generate(shuffled, hosts)).isEqualTo(GENERATOR.generate(p, input.hosts()));
        });
    }

    @Test
    void hashChangesIffEntrySetPortsOrKindsChange() {
        PropertyCheck.forAll("the hash changes iff the entries, ports or kinds change",
                random -> List.of(input(random), input(random))).tries(400).check(pair -> {
            Allowlist first = GENERATOR.generate(pair.get(0).profile(), pair.get(0).hosts());
            Allowlist second = GENERATOR.generate(pair.get(1).profile(), pair.get(1).hosts());
            boolean sameContent = content(first).equals(content(second));
            assertThat(first.contentHash().equals(second.contentHash())).isEqualTo(sameContent);
        });
    }

    private static Set<String> content(Allowlist allowlist) {
        return allowlist.entries().stream().map(e -> e.value() + "|" + e.kind() + "|" + e.ports())
                .collect(Collectors.toSet());
    }
}
