package dev.allowlist.portal.partner;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ForbiddenException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is asking, resolved once per request from the login token: subject, role and partner.
 * The partner comes from the configured claim (default {@code organization}) or a group
 * {@code partner:<slug>}; it counts only when a platform admin has registered it.
 */
@RequestScoped
@Named("currentMember")
public class CurrentMember {

    /** The tenant id of requests that belong to no partner: matches no row and cannot be inserted. */
    public static final String NO_TENANT = "~none";

    public enum Status { ANONYMOUS, NOT_REGISTERED, PARTNER_MEMBER, PLATFORM_ADMIN }

    @Inject
    SecurityIdentity identity;

    @Inject
    PartnerDirectory partners;

    @Inject
    PortalConfig config;

    private boolean resolved;
    private Status status = Status.ANONYMOUS;
    private String subject;
    private String displayName;
    private String email;
    private Role role;
    private String partnerSlug;
    private String partnerName;

    /**
     * Runs work as another actor, then restores whoever was acting, even when the work fails: the one way
     * to act as the system, a feed or a check token. Nothing else changes who the request's member is.
     */
    public <T> T actingAs(Actor actor, Supplier<T> work) {
        resolve();
        Acting before = new Acting(status, subject, displayName, email, role, partnerSlug, partnerName,
                notRegisteredReason);
        status = actor.status();
        subject = actor.subject();
        displayName = actor.displayName();
        email = null;
        role = actor.role();
        partnerSlug = actor.partnerId();
        partnerName = actor.partnerId() == null ? null : partners.displayName(actor.partnerId()).orElse(actor.partnerId());
        notRegisteredReason = null;
        try {
            return work.get();
        } finally {
            status = before.status();
            subject = before.subject();
            displayName = before.displayName();
            email = before.email();
            role = before.role();
            partnerSlug = before.partnerSlug();
            partnerName = before.partnerName();
            notRegisteredReason = before.notRegisteredReason();
        }
    }

    public void actingAs(Actor actor, Runnable work) {
        actingAs(actor, () -> {
            work.run();
            return null;
        });
    }

    private record Acting(Status status, String subject, String displayName, String email, Role role,
            String partnerSlug, String partnerName, NotRegisteredReason notRegisteredReason) {
    }

    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        subject = identity.getPrincipal().getName();
        List<String> fromClaim = List.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = Optional.ofNullable(jwt.getSubject()).orElse(subject);
            displayName = firstNonBlank(jwt.getClaim("name"), jwt.getClaim("preferred_username"), subject);
            email = jwt.getClaim("email") instanceof String s ? s : null;
            fromClaim = partnersFromClaim(jwt.getClaim(config.partnerClaim()));
        }
        List<String> fromGroups = identity.getRoles().stream().filter(r -> r.startsWith("partner:"))
                .map(r -> r.substring("partner:".length())).distinct().sorted().toList();
        if (identity.getRoles().contains(Role.PLATFORM_ADMIN.claimValue())) {
            role = Role.PLATFORM_ADMIN;
            status = Status.PLATFORM_ADMIN;
            partnerSlug = null;
            return;
        }
        role = Role.strongestOf(identity.getRoles()).orElse(null);
        if (RESERVED_SUBJECTS.contains(subject) || subject.startsWith("feed:") || subject.startsWith("check:")) {
            // the portal's own actors: a login must never write events in their name
            refuse(NotRegisteredReason.RESERVED_SUBJECT);
            return;
        }
        // The claim, when it names exactly one organisation, is the partner. Otherwise the partner
        // groups must name exactly one: a login naming several partners belongs to none of them (its
        // role cannot be said to be for one rather than the other).
        List<String> candidates = fromClaim.size() == 1 ? fromClaim
                : Stream.concat(fromClaim.stream(), fromGroups.stream()).distinct().toList();
        if (candidates.size() > 1) {
            partnerSlug = String.join(", ", candidates);
            refuse(NotRegisteredReason.SEVERAL_PARTNERS);
            return;
        }
        partnerSlug = candidates.isEmpty() ? null : candidates.get(0);
        Optional<String> name = partnerSlug == null ? Optional.empty() : partners.displayName(partnerSlug);
        if (role == null) {
            refuse(NotRegisteredReason.NO_ROLE);
            return;
        }
        if (name.isEmpty()) {
            refuse(NotRegisteredReason.UNKNOWN_PARTNER);
            return;
        }
        partnerName = name.get();
        status = Status.PARTNER_MEMBER;
    }

    /** Why a login is not a member of any partner, for the "not registered" page. */
    public enum NotRegisteredReason { UNKNOWN_PARTNER, NO_ROLE, SEVERAL_PARTNERS, RESERVED_SUBJECT }

    /** Subjects the portal writes events as itself; no login may carry them. */
    public static final Set<String> RESERVED_SUBJECTS = Set.of("system");

    private NotRegisteredReason notRegisteredReason;

    private void refuse(NotRegisteredReason reason) {
        status = Status.NOT_REGISTERED;
        notRegisteredReason = reason;
    }

    public NotRegisteredReason notRegisteredReason() {
        resolve();
        return notRegisteredReason;
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

    public Status status() {
        resolve();
        return status;
    }

    public boolean isPartnerMember() {
        return status() == Status.PARTNER_MEMBER;
    }

    public boolean isPlatformAdmin() {
        return status() == Status.PLATFORM_ADMIN;
    }

    /** The tenant every query of this request is scoped to. */
    public String tenantId() {
        return isPartnerMember() ? partnerSlug : NO_TENANT;
    }

    /**
     * The partner PostgreSQL's row-level security shows this request ({@link TenantConnections}): the
     * member's partner, {@code ~platform} for a platform admin (the platform's own audit events), and
     * otherwise none ('' matches no row).
     */
    public String databaseTenant() {
        return switch (status()) {
            case PARTNER_MEMBER -> partnerSlug;
            case PLATFORM_ADMIN -> "~platform";
            default -> "";
        };
    }

    public String subject() {
        resolve();
        return subject;
    }

    public String displayName() {
        resolve();
        return displayName != null ? displayName : subject;
    }

    public String email() {
        resolve();
        return email;
    }

    public Role role() {
        resolve();
        return role;
    }

    public String partnerId() {
        resolve();
        return partnerSlug;
    }

    public String partnerName() {
        resolve();
        return partnerName;
    }

    public boolean mayEditCustomers() {
        return isPartnerMember() && role.mayEditCustomers();
    }

    /** The audit history: auditors and partner admins of their partner, platform admins of the platform. */
    public boolean mayReadAudit() {
        return isPlatformAdmin() || (isPartnerMember() && (role == Role.AUDITOR || role == Role.PARTNER_ADMIN));
    }

    /** Reading customer data: any registered member of a partner (platform admins see none). */
    public void requireCustomerReader() {
        requirePartnerMember();
    }

    /** Changing customer data: partner-admin and partner-editor. */
    public void requireCustomerEditor() {
        requirePartnerMember();
        if (!role.mayEditCustomers()) {
            throw new ForbiddenException("Your role (" + role.claimValue() + ") may not change customers.");
        }
    }

    public void requirePlatformAdmin() {
        if (status() == Status.NOT_REGISTERED) {
            throw new NotRegisteredException();
        }
        if (!isPlatformAdmin()) {
            throw new ForbiddenException("Only platform admins may do this.");
        }
    }

    private void requirePartnerMember() {
        switch (status()) {
            case PARTNER_MEMBER -> { }
            case NOT_REGISTERED -> throw new NotRegisteredException();
            default -> throw new ForbiddenException("Customer data belongs to partners; your login has none.");
        }
    }
}
