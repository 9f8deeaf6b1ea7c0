package dev.allowlist.portal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a test run, one line naming the tests skipped for want of a system tool, and the one
 * apt-get line that enables them all (registered in META-INF/services).
 */
public class MissingToolsSummary implements TestExecutionListener {

    private static final Pattern SKIP = Pattern.compile(Pattern.quote(SystemTools.MARKER) + "(\\S+) \\[([^\\]]+)\\]");

    private final Set<String> tests = new TreeSet<>();
    private volatile TestPlan plan;
    private final Set<String> tools = new TreeSet<>();
    private final Set<String> packages = new TreeSet<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED || result.getThrowable().isEmpty()) {
            return;
        }
        Matcher m = SKIP.matcher(String.valueOf(result.getThrowable().get().getMessage()));
        if (m.find()) {
            synchronized (this) {
                String parent = plan == null ? "" : plan.getParent(test).map(p -> p.getDisplayName() + ".").orElse("");
                tests.add(parent + test.getDisplayName());
                tools.add(m.group(1));
                packages.addAll(List.of(m.group(2).split(" ")));
            }
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (tests.isEmpty()) {
            return;
        }
        System.out.println("[tools] " + tests.size() + " tests skipped for want of " + String.join(", ", tools) + ": "
                + String.join(", ", tests) + ". To run them: sudo apt-get install " + String.join(" ", packages));
    }
}
