package dev.allowlist.portal.partner;

import dev.allowlist.portal.partner.CurrentMember.NotRegisteredReason;
import dev.allowlist.portal.partner.CurrentMember.Status;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a login is to the portal: its subject, the partner it belongs to and its role there, or why it
 * belongs to none. Resolved once, when the login is authenticated ({@link PortalRoleAugmentor}), and
 * kept on the identity; {@link CurrentMember} reads it from there.
 *
 * @param partnerId the partner's slug; for a login naming several, all of them (for the refusal's text)
 */
public record Membership(Status status, String subject, String displayName, String email, Role role, String partnerId,
        String partnerName, NotRegisteredReason notRegisteredReason) {

    /** The identity attribute that carries a login's membership. */
    public static final String ATTRIBUTE = "portal.membership";

    /** Subjects the portal writes events as itself; no login may carry them. */
    public static final Set<String> RESERVED_SUBJECTS = Set.of("system");

    public static final Membership ANONYMOUS = new Membership(Status.ANONYMOUS, null, null, null, null, null, null, null);

    /**
     * The membership of a login. The partner comes from the configured claim (Keycloak Organizations:
     * a string, a list or an object keyed by alias) or from groups {@code partner:<slug>}; it counts
     * only when a platform admin has registered it ({@code partnerNames} answers its display name).
     */
    public static Membership of(SecurityIdentity identity, String partnerClaim,
            Function<String, Optional<String>> partnerNames) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String subject = identity.getPrincipal().getName();
        String displayName = null;
        String email = null;
        List<String> fromClaim = List.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = Optional.ofNullable(jwt.getSubject()).orElse(subject);
            displayName = firstNonBlank(jwt.getClaim("name"), jwt.getClaim("preferred_username"), subject);
            email = jwt.getClaim("email") instanceof String s ? s : null;
            fromClaim = partnersFromClaim(jwt.getClaim(partnerClaim));
        }
        Set<String> groups = identity.getRoles();
        if (groups.contains(Role.PLATFORM_ADMIN.claimValue())) {
            return new Membership(Status.PLATFORM_ADMIN, subject, displayName, email, Role.PLATFORM_ADMIN, null, null, null);
        }
        Role role = Role.strongestOf(groups).orElse(null);
        if (RESERVED_SUBJECTS.contains(subject) || subject.startsWith("feed:") || subject.startsWith("check:")) {
            // the portal's own actors: a login must never write events in their name
            return refused(subject, displayName, email, role, null, NotRegisteredReason.RESERVED_SUBJECT);
        }
        List<String> fromGroups = groups.stream().filter(r -> r.startsWith("partner:"))
                .map(r -> r.substring("partner:".length())).distinct().sorted().toList();
        // The claim, when it names exactly one organisation, is the partner. Otherwise the partner
        // groups must name exactly one: a login naming several partners belongs to none of them (its
        // role cannot be said to be for one rather than the other).
        List<String> candidates = fromClaim.size() == 1 ? fromClaim
                : Stream.concat(fromClaim.stream(), fromGroups.stream()).distinct().toList();
        if (candidates.size() > 1) {
            return refused(subject, displayName, email, role, String.join(", ", candidates),
                    NotRegisteredReason.SEVERAL_PARTNERS);
        }
        String partnerId = candidates.isEmpty() ? null : candidates.get(0);
        if (role == null) {
            return refused(subject, displayName, email, null, partnerId, NotRegisteredReason.NO_ROLE);
        }
        Optional<String> name = partnerId == null ? Optional.empty() : partnerNames.apply(partnerId);
        if (name.isEmpty()) {
            return refused(subject, displayName, email, role, partnerId, NotRegisteredReason.UNKNOWN_PARTNER);
        }
        return new Membership(Status.PARTNER_MEMBER, subject, displayName, email, role, partnerId, name.get(), null);
    }

    /** The membership an actor works under ({@link CurrentMember#actingAs}). */
    static Membership of(Actor actor, String partnerName) {
        return new Membership(actor.status(), actor.subject(), actor.displayName(), null, actor.role(), actor.partnerId(),
                partnerName, null);
    }

    private static Membership refused(String subject, String displayName, String email, Role role, String partnerId,
            NotRegisteredReason reason) {
        return new Membership(Status.NOT_REGISTERED, subject, displayName, email, role, partnerId, null, reason);
    }

    /** What this membership may do, as the roles {@code @RolesAllowed} names ({@link PortalRoles}). */
    public Set<String> portalRoles() {
        Set<String> roles = new LinkedHashSet<>();
        switch (status) {
            case PLATFORM_ADMIN -> {
                roles.add(PortalRoles.PLATFORM_ADMIN);
                roles.add(PortalRoles.AUDIT_READER);
            }
            case PARTNER_MEMBER -> {
                roles.add(PortalRoles.CUSTOMER_READER);
                if (role.mayEditCustomers()) {
                    roles.add(PortalRoles.CUSTOMER_EDITOR);
                }
                if (role == Role.PARTNER_ADMIN) {
                    roles.add(PortalRoles.PARTNER_ADMIN);
                }
                if (role == Role.PARTNER_ADMIN || role == Role.AUDITOR) {
                    roles.add(PortalRoles.AUDIT_READER);
                }
            }
            default -> { }
        }
        return roles;
    }

    private static List<String> partnersFromClaim(Object claim) {
        // Keycloak Organizations issue a list of aliases or an object keyed by alias
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        if (claim instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (claim instanceof JsonArray array) {
            return array.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString())
                    .distinct().sorted().toList();
        }
        if (claim instanceof JsonObject object) {
            return object.keySet().stream().sorted().toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).distinct().sorted().toList();
        }
        return List.of();
    }

    private static String firstNonBlank(Object... values) {
        for (Object value : values) {
            String text = value instanceof JsonValue json && json.getValueType() == JsonValue.ValueType.STRING
                    ? ((JsonString) json).getString() : value instanceof String s ? s : null;
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
