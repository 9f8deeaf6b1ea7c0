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
                // the embedded server of this run, on the free port it took (never a fixed one another server may hold)
                assertThat(connection.getMetaData().getURL()).startsWith("jdbc:postgresql://localhost:")
                        .doesNotContain(":5432/");
            }
        }
    }
}
