package dev.allowlist.portal.export.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ObjectNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Cisco Secure Firewall, managed by the Management Center (README, "Firewall exports"). What an
 * access-control allow rule matches a domain with: FQDN network objects, which match the name
 * exactly (never its subdomains) and cannot hold a wildcard, for every exact entry; and URL objects
 * for the wildcards, since a URL object without a path matches the host "after any dot" - the domain
 * and its subdomains - and so is the one object that covers {@code *.domain}. The file holds both
 * arrays, each ready for the Management Center REST API's bulk create.
 */
public final class CiscoFormats {

    private CiscoFormats() {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Management Center object names: letters, digits and {@code _.+-}, at most 64 characters. */
    static final int NAME_MAX = 64;
    static final String REFUSED = "[^A-Za-z0-9_.+\\-]";

    static final class ManagementCenterObjects implements ExportFormat {
        public String id() { return "cisco-fmc-objects"; }
        public String extension() { return "json"; }
        public String contentType() { return "application/json"; }

        public Export render(ExportContext c) {
            List<Omitted> omitted = new ArrayList<>();
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode about = root.putArray("about");
            ArrayNode fqdns = root.putArray("fqdnObjects");
            ArrayNode urls = root.putArray("urlObjects");
            String description = "Allowlist Portal " + ObjectNames.prefix(c.customerId()) + "v" + c.version();
            for (AllowlistEntry e : c.allowlist().entries()) {
                String name = ObjectNames.of(c.customerId(), e.value(), NAME_MAX, REFUSED);
                if (ExportFormat.isPattern(e)) {
                    omitted.add(new Omitted(e.value(), "neither an FQDN object nor a URL object can hold a * inside a label"));
                } else if (ExportFormat.isWildcard(e)) {
                    ObjectNode url = urls.addObject();
                    url.put("name", name);
                    url.put("type", "Url");
                    url.put("url", e.value().substring(2));
                    url.put("description", description + ": " + e.value() + " (the domain and its subdomains)");
                } else {
                    ObjectNode fqdn = fqdns.addObject();
                    fqdn.put("name", name);
                    fqdn.put("type", "FQDN");
                    fqdn.put("value", e.value());
                    fqdn.put("dnsResolution", "IPV4_AND_IPV6");
                    fqdn.put("description", description);
                }
            }
            ExportFormat.headerLines("Cisco Secure Firewall Management Center objects", c, omitted).forEach(about::add);
            about.add("fqdnObjects: POST the array to /api/fmc_config/v1/domain/{domainUUID}/object/fqdns?bulk=true; "
                    + "use them as destination networks of an Allow rule (exact names only; needs the DNS server group set).");
            about.add("urlObjects: POST the array to /api/fmc_config/v1/domain/{domainUUID}/object/urls?bulk=true; "
                    + "use them in the URL condition of a second Allow rule (each matches the domain and its subdomains).");
            try {
                return new Export(MAPPER.writeValueAsString(root) + "\n", List.copyOf(omitted));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
