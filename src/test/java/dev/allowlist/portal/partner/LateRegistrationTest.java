package dev.allowlist.portal.partner;

import static dev.allowlist.portal.TestUsers.as;
import static org.hamcrest.Matchers.hasItem;

import dev.allowlist.portal.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A partner registered after this instance started (by another instance, or in SQL) is found on its
 * members' first request, and that request sees the partner's data: the directory's lookup, made
 * while the member is being resolved, must not fix the request's tenant to "none".
 */
@QuarkusTest
class LateRegistrationTest {

    @Test
    void theFirstRequestOfAPartnerRegisteredElsewhereSeesItsCustomers() throws Exception {
        try (Connection c = TestDatabase.owner(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO partner (id, display_name, created_at) VALUES ('latecomer', 'Latecomer IT', now()) "
                    + "ON CONFLICT (id) DO NOTHING");
            st.executeUpdate("INSERT INTO customer (partner_id, name, created_at, updated_at) "
                    + "VALUES ('latecomer', 'Registered elsewhere', now(), now())");
        }
        as("nora").get("/api/v1/customers").then().statusCode(200).body("name", hasItem("Registered elsewhere"));
    }
}
