package dev.allowlist.portal.central.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.central.core.CentralMapping.LicenseProduct;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping of a Sophos Central tenant to a profile, and the sealing of its credential. */
class CentralMappingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aGeographyGivesItsRegionsAndTheUnitedStatesBothUntilOneIsNamed() {
        assertThat(CentralMapping.regions("US", List.of(), List.of())).containsExactly("us-east-2", "us-west-2");
        assertThat(CentralMapping.regions("US", List.of("us-west-2"), List.of())).as("narrowed by a host or the partner")
                .containsExactly("us-west-2");
        assertThat(CentralMapping.regions("US", List.of("eu-west-1"), List.of())).as("a region outside the geography is replaced")
                .containsExactly("us-east-2", "us-west-2");
        assertThat(CentralMapping.regions("ie", List.of(), List.of())).containsExactly("eu-west-1");
        assertThat(CentralMapping.regions("JP", List.of(), List.of())).containsExactly("ap-northeast-1");
        assertThat(CentralMapping.regions("XX", List.of("eu-central-1"), List.of())).as("an unknown geography keeps the customer's")
                .containsExactly("eu-central-1");
        assertThat(CentralMapping.regions(null, List.of(), List.of())).isEmpty();
        // an observed MCS host narrows the United States to the region it names
        assertThat(CentralMapping.regions("US", List.of("us-east-2", "us-west-2"),
                List.of("mcs2-cloudstation-us-west-2.prod.hydra.sophos.com"))).containsExactly("us-west-2");
        assertThat(CentralMapping.regions("US", List.of(), List.of("dzr-api-amzn-us-east-2-fa88.api-upe.p.hmr.sophos.com",
                "central.sophos.com"))).containsExactly("us-east-2");
        assertThat(CentralMapping.regions("US", List.of(), List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com")))
                .as("a host of another geography names nothing here").containsExactly("us-east-2", "us-west-2");
    }

    @Test
    void productsGiveLicensesByTheirNamesAndUnknownOnesAreListedNotGuessed() {
        CentralMapping.Licenses l = CentralMapping.licenses(List.of(
                new LicenseProduct("CIXA", "Central Intercept X Advanced", null),
                new LicenseProduct("CIXAXDR", "Central Intercept X Advanced with XDR", null),
                new LicenseProduct("MDRC", "Sophos MDR Complete", null),
                new LicenseProduct("CEMAIL", "Central Email Advanced", null),
                new LicenseProduct("OLD", "Central Intercept X Advanced with EDR", TODAY.minusDays(1))), TODAY);
        assertThat(l.licenses()).containsExactlyInAnyOrder(License.ENDPOINT, License.EDR, License.MTR);
        assertThat(l.unmapped()).containsExactly("Central Email Advanced");
        assertThat(CentralMapping.licenseOf(new LicenseProduct("X", "Managed Threat Response Standard", null))).isEqualTo(License.MTR);
        assertThat(CentralMapping.licenseOf(new LicenseProduct("X", "Central Endpoint Protection", null))).isEqualTo(License.ENDPOINT);
        assertThat(CentralMapping.licenseOf(new LicenseProduct("X", "Central Server Protection", null))).isEqualTo(License.ENDPOINT);
        assertThat(CentralMapping.licenseOf(new LicenseProduct("X", "Sophos Firewall Xstream", null))).isNull();
        assertThat(CentralMapping.licenses(List.of(new LicenseProduct("E", "Intercept X Essentials", TODAY)), TODAY).licenses())
                .as("a license ending today still holds").containsExactly(License.ENDPOINT);
    }

    @Test
    void thePartnersOwnLicensesStayAndTheDetailNamesWhatChanged() {
        Set<License> merged = CentralMapping.merged(EnumSet.of(License.AD_SYNC, License.MTR, License.ENDPOINT), EnumSet.of(License.EDR));
        assertThat(merged).containsExactlyInAnyOrder(License.AD_SYNC, License.EDR);
        assertThat(CentralMapping.detail(EnumSet.of(License.AD_SYNC, License.MTR, License.ENDPOINT), merged, true))
                .isEqualTo("-ENDPOINT +EDR -MTR regions");
        assertThat(CentralMapping.detail(merged, merged, false)).isEmpty();
    }

    static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    @Test
    void aSealedSecretOpensWithItsKeyAndAfterARotationWithThePreviousOne() {
        SealedSecrets a = new SealedSecrets(key('a'), List.of());
        String sealed = a.seal("s3cret-value");
        assertThat(sealed).doesNotContain("s3cret").startsWith(a.currentKeyId() + ":");
        assertThat(a.seal("s3cret-value")).as("a fresh nonce each").isNotEqualTo(sealed);
        assertThat(a.open(sealed)).isEqualTo("s3cret-value");
        assertThat(a.needsReseal(sealed)).isFalse();

        SealedSecrets rotated = new SealedSecrets(key('b'), List.of(key('a')));
        assertThat(rotated.open(sealed)).isEqualTo("s3cret-value");
        assertThat(rotated.needsReseal(sealed)).isTrue();
        String resealed = rotated.seal(rotated.open(sealed));
        assertThat(rotated.needsReseal(resealed)).isFalse();

        SealedSecrets other = new SealedSecrets(key('b'), List.of());
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cret");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> a.open(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedSecrets("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes");
    }
}
