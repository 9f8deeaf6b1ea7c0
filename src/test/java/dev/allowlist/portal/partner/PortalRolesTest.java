package dev.allowlist.portal.partner;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a login may do is the portal roles its membership grants (PortalRoleAugmentor), which the routes
 * declare with @RolesAllowed; the identity provider's groups never grant one directly.
 */
@QuarkusTest
class PortalRolesTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void eachRoleIsGrantedWhatItsWorkNeeds() {
        assertThat(member(Role.PARTNER_ADMIN).portalRoles()).containsExactlyInAnyOrder(PortalRoles.CUSTOMER_READER,
                PortalRoles.CUSTOMER_EDITOR, PortalRoles.PARTNER_ADMIN, PortalRoles.AUDIT_READER);
        assertThat(member(Role.PARTNER_EDITOR).portalRoles()).containsExactlyInAnyOrder(PortalRoles.CUSTOMER_READER,
                PortalRoles.CUSTOMER_EDITOR);
        assertThat(member(Role.PARTNER_VIEWER).portalRoles()).containsExactly(PortalRoles.CUSTOMER_READER);
        assertThat(member(Role.AUDITOR).portalRoles()).containsExactlyInAnyOrder(PortalRoles.CUSTOMER_READER,
                PortalRoles.AUDIT_READER);
        assertThat(new Membership(CurrentMember.Status.PLATFORM_ADMIN, "paula", null, null, Role.PLATFORM_ADMIN, null, null,
                null).portalRoles()).containsExactlyInAnyOrder(PortalRoles.PLATFORM_ADMIN, PortalRoles.AUDIT_READER);
        assertThat(new Membership(CurrentMember.Status.NOT_REGISTERED, "mallory", null, null, Role.PARTNER_ADMIN,
                "unknown-msp", null, CurrentMember.NotRegisteredReason.UNKNOWN_PARTNER).portalRoles()).isEmpty();
        assertThat(Membership.ANONYMOUS.portalRoles()).isEmpty();
    }

    /** A viewer whose groups also say portal:customer-editor, portal:platform-admin and so on stays a viewer. */
    @Test
    void groupsNamedLikePortalRolesGrantNothing() {
        long id = Customers.create("alice", Customers.uniqueName("Spoofed roles"), List.of("CENTRAL"));
        as("spoofer").get("/customers/" + id).then().statusCode(200);
        as("spoofer").contentType(ContentType.JSON).body(Map.of("name", Customers.uniqueName("By spoofer")))
                .post("/api/v1/customers").then().statusCode(403);
        as("spoofer").get("/customers/new").then().statusCode(403);
        as("spoofer").get("/platform/partners").then().statusCode(403);
        as("spoofer").get("/audit").then().statusCode(403);
        as("spoofer").get("/api/v1/audit").then().statusCode(403);
        as("spoofer").get("/notifications").then().statusCode(200).body(not(containsString("id=\"subscriptions\"")));
        as("spoofer").get("/notifications/subscriptions/1/deliveries").then().statusCode(403);
    }

    /** A refusal by @RolesAllowed tells a login of no partner why, like every other page does. */
    @Test
    void aRouteRefusesALoginOfNoPartnerWithTheReason() {
        as("mallory").get("/changes").then().statusCode(403).body(containsString("Not registered"))
                .body(containsString("unknown-msp"));
        as("mallory").get("/api/v1/changes").then().statusCode(403).body("message", containsString("unknown-msp"));
    }

    private static Membership member(Role role) {
        return new Membership(CurrentMember.Status.PARTNER_MEMBER, "someone", null, null, role, "acme", "Acme MSP", null);
    }
}
