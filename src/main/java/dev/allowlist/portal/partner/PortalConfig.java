package dev.allowlist.portal.partner;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** The token claim naming the member's partner (its slug). */
    @WithDefault("organization")
    String partnerClaim();

    /** Rows per page of long lists. */
    @WithDefault("20")
    int pageSize();

    /** Seed demo partners and customers at start (dev mode only). */
    @WithDefault("false")
    boolean demoData();

    InstallerLog installerLog();

    Checks checks();

    /** The portal's address as partners reach it: links in webhooks and e-mails. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Notifications notifications();

    interface Notifications {
        /** The AES key (base64, 32 bytes) that encrypts webhook secrets; without it no webhook can be made. */
        Optional<String> key();

        /** Attempts per event before the endpoint is disabled (15 with the default first retry: about 24 hours). */
        @WithDefault("15")
        int maxAttempts();

        /** The first retry's delay; each next one doubles, up to 480 times this. */
        @WithDefault("30s")
        Duration firstRetry();

        /** Plain http webhook URLs (never in production). */
        @WithDefault("false")
        boolean httpAllowed();

        /** Hosts a webhook may reach although their addresses are private (the platform's own choice). */
        Optional<List<String>> allowedHosts();

        /** How long a rotated secret still signs, beside the new one. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** How often the delivery worker looks for due events. */
        @WithDefault("2s")
        Duration poll();

        /** How often pending changes and stale feeds are looked for. */
        @WithDefault("5m")
        Duration scan();

        /** How often members' digests are looked at. */
        @WithDefault("15m")
        Duration digestCheck();
    }

    Publication publication();

    Central central();

    /** Sophos Central: where its APIs are, the key its credentials are sealed with, and how often to sync. */
    interface Central {
        @WithDefault("https://id.sophos.com/api/v2/oauth2/token")
        String tokenUrl();

        @WithDefault("https://api.central.sophos.com")
        String globalUrl();

        /** A tenant's API host must match this (a host Sophos Central names is still not trusted blindly). */
        @WithDefault("https://api-[a-z0-9]+[.]central[.]sophos[.]com")
        String apiHostPattern();

        /** The key credentials are sealed with (base64 of 32 bytes); none: connecting is refused. */
        Optional<String> key();

        /** Keys of earlier rotations: they open what they sealed; each is sealed again on its next use. */
        Optional<List<String>> previousKeys();

        @WithDefault("6h")
        Duration syncEvery();

        @WithDefault("5m")
        Duration check();

        /** The longest Retry-After a run waits out itself; a longer one ends the run until then. */
        @WithDefault("30s")
        Duration maxWait();

        @WithDefault("20s")
        Duration timeout();

        @WithDefault("2m")
        Duration lease();

        /** Dev and tests: the port of the fake Sophos Central. */
        Optional<Integer> fakePort();
    }

    /** Verified bearer tokens kept in memory (see {@code VerifiedTokens}). */
    TokenCache tokenCache();

    interface TokenCache {
        /** Off: every bearer request is verified by Quarkus OIDC, as before. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("10000")
        int maxEntries();

        /** The cache's memory bound, estimated from each token's size. */
        @WithDefault("16M")
        MemorySize maxSize();

        /** An entry lives until its token's exp, and never longer than this. */
        @WithDefault("5m")
        Duration maxAge();

        /** How often the identity provider's key set is fetched and compared. */
        @WithDefault("1m")
        Duration keySetCheck();
    }

    Feeds feeds();

    Dashboard dashboard();

    interface Dashboard {
        /** How long a partner's dashboard data is kept at most (a change drops it at once); 0: read on every visit. */
        @WithDefault("5s")
        Duration keep();
    }

    interface Feeds {
        /** How often the feeds' pull counters (kept in memory) are written. */
        @WithDefault("5s")
        Duration countsFlush();
    }

    interface Publication {
        /** How long a catalog publication's run stays with its instance without a batch done; then another takes it over. */
        @WithDefault("15s")
        Duration lease();

        /** How often each instance looks for runs whose lease ran out. */
        @WithDefault("5s")
        Duration takeoverCheck();
    }

    interface Checks {
        /** Reports one check token may post a minute; more are answered 429 with Retry-After. */
        @WithDefault("6")
        int reportsPerMinute();
    }

    interface InstallerLog {
        /** The largest SophosCloudInstaller.log accepted; larger uploads are answered 413. */
        @WithDefault("20M")
        MemorySize maxSize();
    }
}
