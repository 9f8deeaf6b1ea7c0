package dev.allowlist.portal.export.core;

import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A proxy auto-config file: the allowlist's hosts go DIRECT, everything else to the configured proxy.
 * {@code host == "h"} for an exact host, {@code dnsDomainIs(host, ".d")} for a wildcard (never the
 * apex), {@code shExpMatch} for a pattern.
 */
public final class PacFormat implements ExportFormat {

    static final String DEFAULT_PROXY = "proxy.invalid:3128";

    public String id() { return "pac"; }
    public String extension() { return "pac"; }
    public String contentType() { return "application/x-ns-proxy-autoconfig"; }

    public Export render(ExportContext c) {
        String proxy = c.proxy() == null || c.proxy().isBlank() ? DEFAULT_PROXY : c.proxy();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(ExportFormat.headerLines("proxy auto-config (PAC)", c, List.of()));
        header.add("Allowlisted hosts go DIRECT; everything else goes to PROXY " + proxy
                + (proxy.equals(DEFAULT_PROXY) ? " (a placeholder: download with ?proxy=host:port)" : ""));
        header.forEach(line -> out.append("// ").append(line).append('\n'));
        out.append("function FindProxyForURL(url, host) {\n");
        out.append("  host = host.toLowerCase();\n");
        out.append("  if (");
        List<String> tests = new ArrayList<>();
        for (AllowlistEntry e : c.allowlist().entries()) {
            String value = e.value();
            if (ExportFormat.isWildcard(e)) {
                tests.add("dnsDomainIs(host, \"" + value.substring(1) + "\")");
            } else if (ExportFormat.isPattern(e)) {
                tests.add("shExpMatch(host, \"" + value + "\")");
            } else {
                tests.add("host == \"" + value + "\"");
            }
        }
        out.append(tests.isEmpty() ? "false" : String.join("\n      || ", tests));
        out.append(") {\n    return \"DIRECT\";\n  }\n");
        out.append("  return \"PROXY ").append(proxy).append("\";\n}\n");
        return new Export(out.toString(), List.of());
    }

    /** A proxy given as host:port: lowercase DNS name or IPv4, and a port. */
    /** {@code host:port}, the port a real one (1 to 65535). */
    public static boolean isValidProxy(String proxy) {
        if (proxy == null || !proxy.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?:[0-9]{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(proxy.substring(proxy.lastIndexOf(':') + 1));
        return port >= 1 && port <= 65535;
    }
}
