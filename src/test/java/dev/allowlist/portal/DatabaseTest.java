package dev.allowlist.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Tests run on the PostgreSQL that QUARKUS_DATASOURCE_JDBC_URL names, else on the embedded one. */
@QuarkusTest
class DatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void testsRunOnTheNamedPostgreSql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            String named = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
            if (named != null) {
                assertThat(connection.getMetaData().getURL()).startsWith(named);
            } else {
                assertThat(connection.getMetaData().getURL()).contains("localhost:54339");
            }
        }
    }
}
