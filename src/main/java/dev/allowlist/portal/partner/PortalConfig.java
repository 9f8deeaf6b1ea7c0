package dev.allowlist.portal.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    interface Checks {
        /** Reports one check token may post a minute; more are answered 429 with Retry-After. */
        @WithDefault("6")
        int reportsPerMinute();
    }

    interface InstallerLog {
        /** The largest SophosCloudInstaller.log accepted; larger uploads are answered 413. */
        @WithDefault("20M")
        io.quarkus.runtime.configuration.MemorySize maxSize();
    }
}
