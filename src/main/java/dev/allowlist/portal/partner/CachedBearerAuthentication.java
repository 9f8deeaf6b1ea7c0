package dev.allowlist.portal.partner;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The verified-token cache in front of Quarkus OIDC: a bearer request whose token was verified before
 * (and whose entry lives) gets that identity back without a signature check; any other goes on to
 * Quarkus OIDC, which verifies it as always, and {@link Remember} keeps the result. Nothing of OIDC's
 * verification is copied here; the one rule added is that a token signed by a key the identity provider
 * no longer publishes is refused ({@link KeySetWatch}), whether it was cached or not.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    /** The OIDC tenant Quarkus picks for a path ({@code quarkus.oidc.api.tenant-paths=/api/*}). */
    static String tenantOf(RoutingContext rc) {
        String path = rc.normalizedPath();
        return path.startsWith("/api/") ? "api" : "Default";
    }

    /** The request's bearer token, or null. */
    static String bearer(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    @Inject
    VerifiedTokens tokens;

    @Inject
    KeySetWatch keys;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identityProviderManager) {
        String token = bearer(rc);
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        if (keys.anyRemoved() && keys.removed(VerifiedTokens.keyId(token))) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "The token is signed by a key the identity provider no longer publishes"));
        }
        var hit = tokens.find(tenantOf(rc), token);
        if (hit.isEmpty()) {
            return Uni.createFrom().nullItem(); // Quarkus OIDC verifies it next
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(hit.get().identity())
                .addAttribute(RoutingContext.class.getName(), rc);
        Object blocking = rc.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return Uni.createFrom().item(identity.build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // Quarkus OIDC's challenge (401, or the login redirect) stands
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100; // before Quarkus OIDC (DEFAULT_PRIORITY + 1)
    }

    /** Keeps the identities Quarkus OIDC built from bearer tokens; runs after every other augmentor. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private static final String TENANT_ID = "tenant-id";

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.isAnonymous()) {
                return Uni.createFrom().item(identity);
            }
            RoutingContext rc = identity.getAttribute(RoutingContext.class.getName());
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            String token = rc == null ? null : bearer(rc);
            Object tenant = identity.getAttribute(TENANT_ID);
            Membership membership = identity.getAttribute(Membership.ATTRIBUTE);
            // a login that belongs to no partner yet is not kept: the partner may be registered any
            // moment, and the next request must see it; a member's membership cannot change while
            // the token lives (partners are never removed, the role is in the token)
            boolean member = membership != null && membership.status() != CurrentMember.Status.NOT_REGISTERED;
            if (member && token != null && credential != null && token.equals(credential.getToken()) && tenant != null) {
                tokens.remember(tenant.toString(), token, detached(identity));
            }
            return Uni.createFrom().item(identity);
        }

        /** The identity without what belongs to this one request (its routing context). */
        private static SecurityIdentity detached(SecurityIdentity identity) {
            Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
            attributes.remove(RoutingContext.class.getName());
            attributes.remove(AuthenticationRequestContext.class.getName());
            return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal()).addRoles(identity.getRoles())
                    .addCredentials(identity.getCredentials()).addPermissions(identity.getPermissions())
                    .addAttributes(attributes).build();
        }
    }
}
