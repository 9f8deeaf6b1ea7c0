package dev.allowlist.portal.check;

import java.util.List;

/**
 * A check script's report was stored (fired inside the transaction that stored it).
 *
 * @param failedHosts the hosts that failed, at most 20
 */
public record CheckReported(String partnerId, long customerId, String customerName, String machine, int allowlistVersion,
        int passed, int failed, List<String> failedHosts) {
}
