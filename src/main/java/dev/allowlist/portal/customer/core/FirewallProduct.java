package dev.allowlist.portal.customer.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The firewall or proxy a customer's traffic to Sophos passes (an optional profile field): the
 * customer page leads with its export, its apply steps and its feed. {@code export} and
 * {@code tlsBypass} are export format ids; {@code tlsBypass} is null where the product has no list
 * of its own for exempting hosts from TLS inspection.
 */
public enum FirewallProduct {
    PANOS("panos", "panos-url", "panos-decrypt-exclusion"),
    FORTIGATE("fortigate", "fortigate-cli", "fortigate-ssl-exempt"),
    CISCO("cisco", "cisco-fmc-objects", null),
    SOPHOS_FIREWALL("sophos-firewall", "sophos-firewall-xml", "sophos-firewall-tls-exclusion"),
    SQUID("squid", "squid", null);

    /** What the JSON API and the form send to clear the field. */
    public static final String NONE = "none";

    private final String jsonName;
    private final String export;
    private final String tlsBypass;

    FirewallProduct(String jsonName, String export, String tlsBypass) {
        this.jsonName = jsonName;
        this.export = export;
        this.tlsBypass = tlsBypass;
    }

    public String jsonName() {
        return jsonName;
    }

    public String export() {
        return export;
    }

    public String tlsBypass() {
        return tlsBypass;
    }

    public static Optional<FirewallProduct> parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.jsonName.equals(value)).findFirst();
    }
}
