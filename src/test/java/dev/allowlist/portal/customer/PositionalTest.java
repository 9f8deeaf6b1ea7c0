package dev.allowlist.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The customer list's numbered parameters as JDBC takes them: the same number may bind in several places. */
class PositionalTest {

    @Test
    void eachNumberedParameterBecomesAQuestionMarkThatBindsItsNumbersValue() {
        CustomerRepository.Positional p = CustomerRepository.Positional
                .of("SELECT 1 WHERE a = ?1 AND b = ?2 AND c = (SELECT ?1) OFFSET ?12 LIMIT ?3");

        assertThat(p.sql()).isEqualTo("SELECT 1 WHERE a = ? AND b = ? AND c = (SELECT ?) OFFSET ? LIMIT ?");
        assertThat(p.numbers()).containsExactly(1, 2, 1, 12, 3);
    }

    @Test
    void everyListTextBindsThePartnerFirstAndOffsetAndLimitLast() {
        CustomerFilter filter = CustomerFilter.of("acme", "eu-west-1", "EDR", "panos", "pending", "pending");
        CustomerRepository.ListQuery q = CustomerRepository.listQuery(filter, "%acme%");
        CustomerRepository.Positional p = CustomerRepository.Positional.of(q.sql());

        // the partner, then name, region, license and product, then offset and limit: seven values
        assertThat(q.values()).hasSize(5);
        assertThat(java.util.Arrays.stream(p.numbers()).distinct().sorted().toArray()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(p.numbers()[0]).isEqualTo(1);
        assertThat(p.sql()).doesNotContainPattern("\\?\\d");
    }
}
