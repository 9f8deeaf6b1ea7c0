package dev.allowlist.portal.check.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a report is one of this customer's: its schema, its customer, a version the customer has
 * had, only hosts its allowlist names, bounded text. Every problem is named; a report with any
 * problem is refused whole.
 */
public final class CheckReports {

    public static final int MAX_RESULTS = 1_000;
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._:@()/\\-]{0,255}");

    private CheckReports() {
    }

    public static List<String> problems(CheckReport report, long customerId, int currentVersion, Set<String> hosts) {
        List<String> problems = new ArrayList<>();
        if (!CheckReport.SCHEMA.equals(report.schema())) {
            problems.add("schema must be " + CheckReport.SCHEMA);
        }
        if (report.customerId() != customerId) {
            problems.add("the report is for another customer's check script");
        }
        if (report.allowlistVersion() < 1 || report.allowlistVersion() > currentVersion) {
            problems.add("allowlistVersion is not a version of this customer's allowlist");
        }
        if (report.scriptVersion() == null || !TEXT.matcher(report.scriptVersion()).matches() || report.scriptVersion().length() > 40) {
            problems.add("scriptVersion is missing or not plain text");
        }
        if (report.machine() == null || report.machine().isBlank() || !TEXT.matcher(report.machine()).matches()) {
            problems.add("machine is missing or not plain text (at most 255 characters)");
        }
        if (report.proxy() != null && !TEXT.matcher(report.proxy()).matches()) {
            problems.add("proxy is not plain text (at most 255 characters)");
        }
        if (report.results().isEmpty() || report.results().size() > MAX_RESULTS) {
            problems.add("results must hold 1 to " + MAX_RESULTS + " hosts");
        }
        int unknown = 0;
        for (CheckReport.HostResult result : report.results()) {
            if (result == null || result.host() == null || !hosts.contains(result.host())) {
                unknown++;
                continue;
            }
            if (result.ports() != null) {
                for (CheckReport.PortResult port : result.ports()) {
                    if (port == null || port.port() < 1 || port.port() > 65535 || (port.ms() != null && (port.ms() < 0 || port.ms() > 600_000))
                            || (port.error() != null && !TEXT.matcher(port.error()).matches())) {
                        problems.add("a port result of " + result.host() + " is out of range");
                        break;
                    }
                }
            }
        }
        if (unknown > 0) {
            problems.add(unknown + " host(s) are not in this customer's allowlist: download the check script again");
        }
        return problems;
    }
}
