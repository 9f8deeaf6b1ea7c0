package dev.allowlist.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that run a system tool (Chromium, Squid, shellcheck, node, pg_createcluster): without it they
 * are skipped on a developer's machine, naming the Debian package that brings it, and fail in CI
 * ({@code CI} set), where .ci/run installs everything. {@link MissingToolsSummary} lists the skipped
 * tests at the end of the run with the one apt-get line that enables them.
 */
public final class SystemTools {

    /** How a skip for a missing tool begins; the summary looks for it. */
    static final String MARKER = "needs the system tool ";

    private SystemTools() {
    }

    public static boolean installed(String executable) {
        for (String dir : new String[] { "/usr/bin", "/usr/sbin", "/usr/local/bin" }) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the test here (fails it in CI) unless the executable is installed. */
    public static void require(String executable, String debianPackages) {
        require(installed(executable), executable, debianPackages);
    }

    /** Skips the test here (fails it in CI) unless the tool is present. */
    public static void require(boolean present, String tool, String debianPackages) {
        String message = MARKER + tool + " [" + debianPackages + "]: apt-get install " + debianPackages;
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort(message);
        }
        if (!present) {
            throw new AssertionError(message + " (CI must have it: .ci/run installs it)");
        }
    }
}
