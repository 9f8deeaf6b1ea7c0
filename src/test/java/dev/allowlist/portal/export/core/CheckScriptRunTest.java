package dev.allowlist.portal.export.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.export.LocalFirewall;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated shell check script for real, through a {@link LocalFirewall}: the proxy refuses
 * one host's CONNECT and another host's port 80, so the script must report exactly those two as
 * failed, print "N passed, 2 failed" and exit 1. What the proxy saw shows that every host, both
 * observed MCS hosts included, was tested on 443 and on 80.
 */
class CheckScriptRunTest {

    static final String REFUSED_TLS = "crl4.digicert.com";
    static final String REFUSED_HTTP = "ocsp.digicert.com";

    @Test
    void theShellScriptFailsExactlyWhatTheProxyRefusesAndTestsEveryHostOnBothPorts() throws Exception {
        ExportFormat.ExportContext context = ExportSamples.all().get("wildcard");
        Set<String> hosts = VerifyScripts.testable(context).keySet();
        try (LocalFirewall firewall = new LocalFirewall(hosts, Set.of(REFUSED_TLS + ":443", REFUSED_HTTP + ":80"))) {
            Path script = ExportParsersTest.write("check-run.sh", new VerifyScripts.Shell().render(context).content());
            LocalFirewall.Run result = LocalFirewall.run(List.of("sh", script.toString()), firewall.env());

            assertThat(result.exit()).as(result.output()).isEqualTo(1);
            List<String> lines = result.output().lines().toList();
            assertThat(lines).contains("FAIL " + REFUSED_TLS + " (no connection on port 443)",
                    "FAIL " + REFUSED_HTTP + " (no connection on port 80)");
            assertThat(lines.stream().filter(l -> l.startsWith("FAIL"))).hasSize(2);
            assertThat(lines.stream().filter(l -> l.startsWith("PASS"))).hasSize(hosts.size() - 2);
            assertThat(lines).contains((hosts.size() - 2) + " passed, 2 failed");
            for (String host : ExportSamples.WILDCARD_HOSTS) {
                assertThat(lines).contains("PASS " + host + " (ports 80 443)");
            }
            for (String host : hosts) {
                assertThat(firewall.seen()).contains("CONNECT " + host + ":443", "GET " + host + ":80");
            }
        }
    }
}
