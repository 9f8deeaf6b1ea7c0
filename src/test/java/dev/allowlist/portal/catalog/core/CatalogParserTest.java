package dev.allowlist.portal.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.allowlist.portal.catalog.BundledCatalog;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void bundledCatalogHoldsEveryDomainOfTheVendorPage() {
        RuleCatalog catalog = BundledCatalog.get();
        Set<String> values = catalog.rules().stream().map(Rule::value).collect(Collectors.toSet());
        // every domain of source-en.md, section by section
        assertThat(values).contains(
                "central.sophos.com", "cloud-assets.sophos.com", "sophos.com", "downloads.sophos.com", "*.sophos.com",
                "az416426.vo.msecnd.net", "dc.services.visualstudio.com", "*.cloudfront.net",
                "*.sophosupd.com", "*.sophosupd.net", "*.sophosxl.net",
                "dci.sophosupd.com", "d1.sophosupd.com", "d2.sophosupd.com", "d3.sophosupd.com",
                "dci.sophosupd.net", "d1.sophosupd.net", "d2.sophosupd.net", "d3.sophosupd.net",
                "t1.sophosupd.com", "sdu-feedback.sophos.com", "sophosxl.net", "4.sophosxl.net", "samples.sophosxl.net",
                "cloud.sophos.com", "id.sophos.com", "amazonaws.com", "*.hydra.sophos.com",
                "*.mcs2-cloudstation-eu-west-1.prod.hydra.sophos.com", "*.mcs2-cloudstation-eu-central-1.prod.hydra.sophos.com",
                "*.mcs2-cloudstation-us-east-2.prod.hydra.sophos.com", "*.mcs2-cloudstation-us-west-2.prod.hydra.sophos.com",
                "ocsp.globalsign.com", "ocsp2.globalsign.com", "crl.globalsign.com", "crl.globalsign.net",
                "ocsp.digicert.com", "crl3.digicert.com", "crl4.digicert.com",
                "tf-presigned-url-eu-west-1-prod-*-bucket.s3.eu-west-1.amazonaws.com",
                "tf-presigned-url-eu-central-1-prod-*-bucket.s3.eu-central-1.amazonaws.com",
                "tf-presigned-url-us-east-2-prod-*-bucket.s3.us-east-2.amazonaws.com",
                "tf-presigned-url-us-west-2-prod-*-bucket.s3.us-west-2.amazonaws.com",
                "*.s3.eu-west-1.amazonaws.com", "*.s3.eu-central-1.amazonaws.com", "*.s3.us-east-2.amazonaws.com",
                "*.s3.us-west-2.amazonaws.com",
                "tf-edr-message-upload-eu-central-1-prod-bucket.s3.amazonaws.com",
                "tf-edr-message-upload-eu-west-1-prod-bucket.s3.amazonaws.com",
                "tf-edr-message-upload-us-east-2-prod-bucket.s3.amazonaws.com",
                "tf-edr-message-upload-us-west-2-prod-bucket.s3.amazonaws.com",
                "live-terminal-eu-west-1.prod.hydra.sophos.com", "live-terminal-eu-central-1.prod.hydra.sophos.com",
                "live-terminal-us-west-2.prod.hydra.sophos.com", "live-terminal-us-east-2.prod.hydra.sophos.com",
                "*.mcs-push-server-eu-west-1.prod.hydra.sophos.com", "*.mcs-push-server-eu-central-1.prod.hydra.sophos.com",
                "*.mcs-push-server-us-west-2.prod.hydra.sophos.com", "*.mcs-push-server-us-east-2.prod.hydra.sophos.com",
                "prod.endpointintel.darkbytes.io");
        assertThat(values).hasSize(60);
        assertThat(catalog.regions()).extracting(Region::code)
                .containsExactly("eu-west-1", "eu-central-1", "us-east-2", "us-west-2");
        assertThat(catalog.ports()).containsExactly(80, 443);
        assertThat(catalog.rules()).allSatisfy(rule -> {
            assertThat(rule.note().en()).isNotBlank();
            assertThat(rule.note().ja()).isNotBlank();
        });
    }

    @Test
    void thirdPartyRulesAreTheOnesThePageCallsNonSophos() {
        assertThat(BundledCatalog.get().rules().stream().filter(r -> r.owner() == Owner.THIRD_PARTY).map(Rule::value)
                .distinct()).containsExactlyInAnyOrder("az416426.vo.msecnd.net", "dc.services.visualstudio.com",
                "*.cloudfront.net", "ocsp.globalsign.com", "ocsp2.globalsign.com", "crl.globalsign.com",
                "crl.globalsign.net", "ocsp.digicert.com", "crl3.digicert.com", "crl4.digicert.com");
    }

    @Test
    void unknownSectionIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> parseWith(root -> rule(root, "endpoint.d1-sophosupd-com").put("section", "endpoints")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("rule 'endpoint.d1-sophosupd-com'")
                .hasMessageContaining("unknown section 'endpoints'");
    }

    @Test
    void duplicateIdIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> parseWith(root -> rule(root, "endpoint.d2-sophosupd-com").put("id", "endpoint.d1-sophosupd-com")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("rule 'endpoint.d1-sophosupd-com': duplicate rule id");
    }

    @Test
    void malformedDomainIsRefusedNamingTheRule() {
        for (String bad : List.of("d1..sophosupd.com", "D1.sophosupd.com", "d1.sophosupd.com/x", "-d1.sophosupd.com",
                "sophosupd", "*.*.sophosupd.com", "d1.sophosupd.123")) {
            assertThatThrownBy(() -> parseWith(root -> rule(root, "endpoint.d1-sophosupd-com").put("value", bad)))
                    .as(bad)
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("rule 'endpoint.d1-sophosupd-com'")
                    .hasMessageContaining("domain");
        }
    }

    @Test
    void otherSchemaErrorsAreRefused() {
        assertThatThrownBy(() -> parseWith(root -> rule(root, "endpoint.d1-sophosupd-com").put("colour", "red")))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> parseWith(root -> rule(root, "edr.live-terminal-eu-west-1").put("region", "mars-1")))
                .hasMessageContaining("rule 'edr.live-terminal-eu-west-1': unknown region 'mars-1'");
        assertThatThrownBy(() -> parseWith(root -> rule(root, "central.az416426-vo-msecnd-net").put("form", "wildcard")))
                .hasMessageContaining("rule 'central.az416426-vo-msecnd-net'");
        assertThatThrownBy(() -> parseWith(root -> ((ArrayNode) rule(root, "endpoint.wildcard-sophosupd-com")
                .get("alternativeOf")).add("endpoint.sophosxl-net")))
                .hasMessageContaining("*.sophosupd.com does not cover sophosxl.net");
        assertThatThrownBy(() -> parseWith(root -> ((ObjectNode) root.get("sections").get(1)).putObject("condition")
                .put("license", "PLATINUM")))
                .hasMessageContaining("section 'endpoint': unknown license 'PLATINUM'");
        assertThatThrownBy(() -> new CatalogParser().parse("{not json"))
                .hasMessageContaining("not valid JSON");
    }

    private static RuleCatalog parseWith(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(BundledCatalog.json());
        change.accept(root);
        return new CatalogParser().parse(MAPPER.writeValueAsString(root));
    }

    private static ObjectNode rule(ObjectNode root, String id) {
        for (var node : root.get("rules")) {
            if (node.get("id").asText().equals(id)) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
