package dev.allowlist.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.Role;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What Hibernate's discriminator multi-tenancy does and does not cover, proven here rather than
 * assumed (stack-notes.md: "not yet tried here").
 */
@QuarkusTest
class TenantScopingTest {

    @Inject
    EntityManager em;

    @Test
    void queriesAndLoadsByIdAreScopedToTheLoginsPartner() {
        TestPartners.ensureRegistered();
        long acmeId = as("acme", () -> QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.name = "Scoping " + System.nanoTime();
            c.createdAt = OffsetDateTime.now();
            c.updatedAt = c.createdAt;
            em.persist(c);
            return c.id;
        }));
        Customer own = as("acme", () -> QuarkusTransaction.requiringNew().call(() -> em.find(Customer.class, acmeId)));
        assertThat(own).isNotNull();

        // queries: scoped
        Customer queried = as("globex", () -> QuarkusTransaction.requiringNew().call(
                () -> Customer.<Customer>find("id", acmeId).firstResult()));
        assertThat(queried).isNull();
        List<String> partners = as("globex", () -> QuarkusTransaction.requiringNew().call(
                () -> Customer.<Customer>listAll().stream().map(c -> c.partnerId).distinct().toList()));
        assertThat(partners).allMatch("globex"::equals);
        // a load by primary key: in this Hibernate version the tenant is checked as well
        Customer loaded = as("globex", () -> QuarkusTransaction.requiringNew().call(() -> em.find(Customer.class, acmeId)));
        assertThat(loaded).as("em.find across tenants").isNull();
        // writes: a tenant id other than the login's is refused, never stored
        Assertions.assertThatThrownBy(() -> as("globex", () -> QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.partnerId = "acme"; // forged
            c.name = "Forged tenant " + System.nanoTime();
            c.createdAt = OffsetDateTime.now();
            c.updatedAt = c.createdAt;
            em.persist(c);
            return c.id;
        }))).hasMessageContaining("assigned tenant id differs from current tenant id");
        // a login without a partner sees nothing at all
        long seen = as(null, () -> QuarkusTransaction.requiringNew().call(() -> Customer.count()));
        assertThat(seen).isZero();
    }

    private static <T> T as(String partner, Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            return partner == null ? work.get()
                    : Arc.container().instance(CurrentMember.class).get().actingAs(Actor.system(partner, Role.PARTNER_ADMIN),
                            work);
        } finally {
            context.terminate();
        }
    }
}
