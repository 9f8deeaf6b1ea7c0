package dev.allowlist.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestDatabase;
import dev.allowlist.portal.customer.core.CustomerInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Demo data registers each partner as the platform, not as the partner seeded before it (issue 13). */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachRegistrationIsInThePlatformsHistoryNotInAPartners() throws Exception {
        String first = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        Arc.container().requestContext().activate();
        try {
            demo.seedPartner(first, "First demo", List.of(new DemoData.Demo(new CustomerInput("Demo customer", null, null,
                    List.of(), List.of("ENDPOINT"), false, false, false, false, false, null, null), List.of())));
            demo.seedPartner(second, "Second demo", List.of());
        } finally {
            Arc.container().requestContext().terminate();
        }
        try (Connection c = TestDatabase.owner(); PreparedStatement st = c.prepareStatement(
                "SELECT coalesce(partner_id, 'platform') FROM audit_event WHERE summary LIKE 'Partner registered: %' "
                        + "AND summary LIKE ? ORDER BY id")) {
            for (String slug : new String[] { first, second }) {
                st.setString(1, "%" + slug + "%");
                List<String> chains = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        chains.add(rs.getString(1));
                    }
                }
                assertThat(chains).as(slug).containsExactly("platform");
            }
        }
    }
}
