package dev.allowlist.portal.export.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.SystemTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The exports pass the real parsers of their products where one runs here: Squid's own
 * {@code squid -k parse}, {@code bash -n} and {@code shellcheck}, and the PAC file in node. CI
 * installs them (.ci/run); elsewhere a missing tool skips its test, in CI it fails it.
 */
class ExportParsersTest {

    static final Path WORK = Path.of("target/export-parsers");

    record Run(int exit, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        requireTool(command.get(0));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    static void requireTool(String tool) {
        SystemTools.require(tool, switch (tool) {
            case "node" -> "nodejs";
            case "squid" -> "squid";
            case "shellcheck" -> "shellcheck";
            case "openssl" -> "openssl";
            default -> tool;
        });
    }

    static Path write(String name, String content) throws IOException {
        Files.createDirectories(WORK);
        Path file = WORK.resolve(name).toAbsolutePath();
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void squidParsesAConfigThatIncludesEachGeneratedAcl() throws Exception {
        for (Map.Entry<String, ExportFormat.ExportContext> sample : ExportSamples.all().entrySet()) {
            Path acl = write(sample.getKey() + ".acl", new LineFormats.Squid().render(sample.getValue()).content());
            Path conf = write(sample.getKey() + "-squid.conf", "http_port 127.0.0.1:3999\n"
                    + "acl customer dstdomain \"" + acl + "\"\nhttp_access allow customer\nhttp_access deny all\n");
            Run result = run(List.of("squid", "-k", "parse", "-f", conf.toString()));
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).doesNotContain("WARNING").doesNotContain("ERROR");
        }
        // and Squid does refuse an ACL with an entry another one covers: the test can fail
        Path bad = write("covered.acl", ".sophos.com\nsophos.com\n");
        Path conf = write("covered-squid.conf", "http_port 127.0.0.1:3999\nacl customer dstdomain \"" + bad
                + "\"\nhttp_access allow customer\nhttp_access deny all\n");
        assertThat(run(List.of("squid", "-k", "parse", "-f", conf.toString())).exit()).isNotZero();
    }

    @Test
    void theShellScriptPassesBashAndShellcheck() throws Exception {
        for (Map.Entry<String, ExportFormat.ExportContext> sample : ExportSamples.all().entrySet()) {
            Path script = write(sample.getKey() + ".sh", new VerifyScripts.Shell().render(sample.getValue()).content());
            Run syntax = run(List.of("bash", "-n", script.toString()));
            assertThat(syntax.exit()).as(syntax.output()).isZero();
            Run lint = run(List.of("shellcheck", "--shell=sh", script.toString()));
            assertThat(lint.exit()).as(lint.output()).isZero();
        }
    }

    @Test
    void thePacFileEvaluatesAndRoutesAsItShould() throws Exception {
        ExportFormat.ExportContext wildcard = ExportSamples.all().get("wildcard");
        ExportFormat.ExportContext explicit = ExportSamples.all().get("explicit");
        Path wildcardPac = write("wildcard.pac", new PacFormat().render(wildcard).content());
        Path explicitPac = write("explicit.pac", new PacFormat().render(explicit).content());
        // PAC helper functions as browsers define them
        String harness = """
                const fs = require('fs');
                function dnsDomainIs(host, domain) { return host.length >= domain.length && host.endsWith(domain); }
                function shExpMatch(s, p) {
                  return new RegExp('^' + p.replace(/[.+^${}()|[\\]\\\\]/g, '\\\\$&').replace(/\\*/g, '.*').replace(/\\?/g, '.') + '$').test(s);
                }
                const route = (file, host) => { eval(fs.readFileSync(file, 'utf8')); return FindProxyForURL('https://' + host + '/', host); };
                const [file, ...hosts] = process.argv.slice(2);
                for (const h of hosts) console.log(h + ' ' + route(file, h));
                """;
        Path js = write("pac-harness.js", harness);
        Run w = run(List.of("node", js.toString(), wildcardPac.toString(), "d1.sophosupd.com", "sophos.com",
                "a.b.sophos.com", "SOPHOSXL.NET", "x.s3.eu-west-1.amazonaws.com", "ocsp.digicert.com", "digicert.com",
                "evil-sophos.com", "example.com"));
        assertThat(w.exit()).as(w.output()).isZero();
        assertThat(w.output().lines()).containsExactly(
                "d1.sophosupd.com DIRECT", "sophos.com DIRECT", "a.b.sophos.com DIRECT", "SOPHOSXL.NET DIRECT",
                "x.s3.eu-west-1.amazonaws.com DIRECT", "ocsp.digicert.com DIRECT", "digicert.com PROXY proxy.corp.example:3128",
                "evil-sophos.com PROXY proxy.corp.example:3128", "example.com PROXY proxy.corp.example:3128");
        Run e = run(List.of("node", js.toString(), explicitPac.toString(),
                "tf-presigned-url-eu-west-1-prod-abc123-bucket.s3.eu-west-1.amazonaws.com", "prod.endpointintel.darkbytes.io",
                "x.hydra.sophos.com", "d1.sophosupd.com", "example.org"));
        assertThat(e.exit()).as(e.output()).isZero();
        assertThat(e.output().lines()).containsExactly(
                "tf-presigned-url-eu-west-1-prod-abc123-bucket.s3.eu-west-1.amazonaws.com DIRECT",
                "prod.endpointintel.darkbytes.io DIRECT",
                "x.hydra.sophos.com PROXY proxy.invalid:3128", // narrowed to the region's hydra hosts
                "d1.sophosupd.com DIRECT", "example.org PROXY proxy.invalid:3128");
    }
}
