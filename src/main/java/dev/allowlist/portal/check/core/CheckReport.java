package dev.allowlist.portal.check.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check script sends back (schema {@code allowlist-check/1}): which script, generated from
 * which allowlist version of which customer, run where and through which proxy, and per host the DNS
 * answer, each port's TCP/TLS result with its latency, and the MTR host's answer.
 */
public record CheckReport(String schema, String scriptVersion, long customerId, int allowlistVersion, String machine,
        String proxy, List<HostResult> results) {

    public static final String SCHEMA = "allowlist-check/1";

    /**
     * @param dns    whether the name resolved; null when the proxy resolves it
     * @param answer for the host whose answer the vendor states: whether it came; null for the others
     */
    public record HostResult(String host, Boolean dns, List<PortResult> ports, Boolean answer) {

        public boolean passed() {
            return !Boolean.FALSE.equals(dns) && !Boolean.FALSE.equals(answer)
                    && (ports == null || ports.stream().allMatch(PortResult::ok));
        }

        /** What failed, for the advice: "dns", "port-80", "port-443", "answer"; empty when it passed. */
        public List<String> failures() {
            List<String> failures = new ArrayList<>();
            if (Boolean.FALSE.equals(dns)) {
                failures.add("dns");
            }
            if (ports != null) {
                ports.stream().filter(p -> !p.ok()).forEach(p -> failures.add("port-" + p.port()));
            }
            if (Boolean.FALSE.equals(answer)) {
                failures.add("answer");
            }
            return failures;
        }
    }

    /** @param ms how long the connection (and TLS handshake) took; null when it failed */
    public record PortResult(int port, boolean ok, Integer ms, String error) {
    }

    public CheckReport {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public int passed() {
        return (int) results.stream().filter(HostResult::passed).count();
    }

    public int failed() {
        return results.size() - passed();
    }
}
