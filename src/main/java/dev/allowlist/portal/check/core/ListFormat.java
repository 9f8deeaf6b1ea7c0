package dev.allowlist.portal.check.core;

import java.util.Arrays;
import java.util.Optional;

/** The formats a firewall's configuration can be pasted in: the portal's own exports, as the products keep them. */
public enum ListFormat {
    TXT("txt"),
    CSV("csv"),
    SQUID("squid"),
    PAC("pac"),
    PANOS_URL("panos-url"),
    /** FortiOS {@code show firewall address} output, or the {@code fortigate-cli} script. */
    FORTIOS("fortigate-cli"),
    /** The Management Center objects: the {@code cisco-fmc-objects} file, or a GET of its objects ({@code items}). */
    CISCO_FMC("cisco-fmc-objects"),
    /** Sophos Firewall XML: FQDN hosts ({@code <FQDN>}) and URL groups ({@code <URL>}). */
    SOPHOS_FIREWALL("sophos-firewall-xml");

    private final String id;

    ListFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ListFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
