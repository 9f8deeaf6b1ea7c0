package dev.allowlist.portal.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Work runs as the system, a feed or a check token only inside actingAs, and who acted before acts again after. */
@QuarkusTest
class ActingAsTest {

    @Inject
    CurrentMember member;

    @Test
    @ActivateRequestContext
    void anActorLastsForItsWorkOnlyEvenWhenTheWorkFails() {
        assertThat(member.status()).isEqualTo(CurrentMember.Status.ANONYMOUS);
        assertThat(member.tenantId()).isEqualTo(CurrentMember.NO_TENANT);

        String seen = member.actingAs(Actor.system("acme", Role.PARTNER_ADMIN), () -> {
            assertThat(member.partnerId()).isEqualTo("acme");
            // nested: a feed of the same partner, then the system again
            member.actingAs(Actor.feed("acme", 7), () -> {
                assertThat(member.subject()).isEqualTo("feed:7");
                assertThat(member.role()).isEqualTo(Role.PARTNER_VIEWER);
            });
            return member.subject() + "@" + member.tenantId() + " as " + member.role();
        });
        assertThat(seen).isEqualTo("system@acme as PARTNER_ADMIN");
        assertThat(member.status()).isEqualTo(CurrentMember.Status.ANONYMOUS);
        assertThat(member.subject()).isNull();

        assertThatThrownBy(() -> member.actingAs(Actor.checkToken("globex", 3), () -> {
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");
        assertThat(member.tenantId()).isEqualTo(CurrentMember.NO_TENANT);
        assertThat(member.databaseTenant()).isEmpty();

        member.actingAs(Actor.platformSystem(), () -> {
            assertThat(member.isPlatformAdmin()).isTrue();
            assertThat(member.databaseTenant()).isEqualTo("~platform");
        });
        assertThat(member.isPlatformAdmin()).isFalse();
    }
}
