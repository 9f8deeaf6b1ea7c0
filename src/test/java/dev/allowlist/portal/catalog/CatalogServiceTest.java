package dev.allowlist.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allowlist.portal.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogServiceTest {

    @Inject
    CatalogService catalogs;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBundledCatalogIsStoredOnceAsTheCurrentImmutableVersion() throws Exception {
        String hash = CatalogService.sha256(BundledCatalog.json());
        assertThat(catalogs.current().contentHash()).isEqualTo(hash);
        assertThat(catalogs.current().versionId()).isEqualTo("sophos-central-2026.11");
        try (Connection c = TestDatabase.owner()) {
            ResultSet rs = c.createStatement().executeQuery(
                    "SELECT id, content_hash, rule_count, current FROM catalog_version WHERE current");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("content_hash")).isEqualTo(hash);
            assertThat(rs.getInt("rule_count")).isEqualTo(BundledCatalog.get().rules().size());
            assertThat(rs.next()).as("one current version").isFalse();
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE catalog_version SET content = '{}' WHERE current"))
                    .hasMessageContaining("catalog versions are immutable");
        }
    }
}
