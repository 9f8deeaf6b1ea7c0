package dev.allowlist.portal.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.allowlist.core.Reason;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.check.core.CheckReport;
import dev.allowlist.portal.check.core.CheckReports;
import dev.allowlist.portal.check.core.FirewallLists;
import dev.allowlist.portal.check.core.ListFormat;
import dev.allowlist.portal.check.core.Reconciler;
import dev.allowlist.portal.check.core.Reconciliation;
import dev.allowlist.portal.export.core.ExportFormats;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Closing the loop: check tokens (a report URL per customer, shown once, stored hashed, revocable),
 * the reports check scripts post or a person uploads, and reconciling what a firewall has with what
 * the allowlist asks. Every token change and every report is audited; a reconciliation is audited as
 * a read of the customer's data, and its counts are kept for the pages' "needs attention".
 */
@ApplicationScoped
public class CheckService {

    /** A report is a few kilobytes per host; this bounds what one request may send. */
    public static final int MAX_REPORT_BYTES = 256 * 1024;
    static final String SCRIPT = "script";
    static final String UPLOAD = "upload";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();

    public record TokenView(long id, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt,
            OffsetDateTime lastReportAt, long reportCount) {
    }

    /**
     * A host of a report as the page shows it: each check "ok", "failed" or "—" (not tested), what
     * failed (for the advice), and the rules of the allowlist entry that asks for the host.
     */
    public record HostView(String host, String dns, List<String> ports, String answer, boolean passed, List<String> failures,
            List<String> rules, String entry) {
    }

    public record RunView(long id, OffsetDateTime receivedAt, String source, String machine, String proxy,
            int allowlistVersion, int passed, int failed, boolean stale, List<HostView> hosts) {
    }

    /** A customer whose last check failed, or whose last reconciliation found entries missing. */
    public record Attention(long customerId, String name, OffsetDateTime checkedAt, int failed, OffsetDateTime reconciledAt,
            int missing) {
    }

    /** The last reconciliation's counts, and the values it found missing. */
    public record ReconciliationSummary(OffsetDateTime at, String by, String format, int allowlistVersion, int missing,
            int broader, int extra, List<String> missingValues) {
    }

    /**
     * What the customer page shows of checks: the latest report (with its hosts), the ones before,
     * the check tokens, the last reconciliation, and what of these needs attention now: the failed
     * hosts of a latest report that is not stale, the missing entries of a reconciliation against
     * the current version.
     */
    public record Panel(RunView latest, List<RunView> history, List<TokenView> tokens, ReconciliationSummary reconciliation,
            int appliedVersion, List<HostView> failedHosts, List<String> missing) {

        public boolean needsAttention() {
            return !failedHosts.isEmpty() || !missing.isEmpty();
        }
    }

    /** More reports from one token than it may send: try again after {@code retryAfterSeconds}. */
    public static final class TooManyReports extends RuntimeException {
        public final long retryAfterSeconds;

        TooManyReports(long retryAfterSeconds) {
            super("too many reports", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }


    /** A fixed one-minute window per token: its start and how many reports came in it. */
    private static final class Window {
        long start;
        int count;
    }

    @Inject
    PortalConfig config;

    @Inject
    CurrentMember member;

    @Inject
    CurrentAllowlists current;

    @Inject
    ChangeReports changeReports;

    @Inject
    AuditService audit;

    @Inject
    CheckRepository checks;

    @Inject
    Event<CheckReported> reported;

    private final Cache<String, Window> windows = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(2)).build();

    // --- check tokens

    /** A new check token; it is returned once and only its hash is kept. */
    @Transactional
    public String createToken(long customerId) {
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CheckToken created = new CheckToken();
        created.customerId = snapshot.customerId();
        created.tokenHash = sha256(token);
        created.createdBy = member.displayName();
        created.createdAt = OffsetDateTime.now();
        created.persist();
        current.changed(customerId);
        audit.record(AuditService.Operation.CREATE, ResourceType.CHECK_TOKEN, created.id, customerId, "Check token created",
                Map.of("after", Map.of("checkTokenId", created.id)));
        return token;
    }

    @Transactional
    public void revokeToken(long customerId, long tokenId) {
        CheckToken token = checks.token(customerId, tokenId).orElseThrow(NotFoundException::new);
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now();
            current.changed(customerId);
            audit.record(AuditService.Operation.ACTION, ResourceType.CHECK_TOKEN, token.id, customerId, "Check token revoked",
                    Map.of("before", Map.of("revoked", false), "after", Map.of("revoked", true)));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> tokens(long customerId) {
        return checks.tokens(customerId).stream()
                .map(t -> new TokenView(t.id, t.createdAt, t.createdBy, t.revokedAt, t.lastReportAt, t.reportCount)).toList();
    }

    // --- reports

    /**
     * A check script's report, posted with its token (no login: the token is the credential). Empty
     * when the token is unknown or revoked; {@link TooManyReports} past the token's share; an
     * {@link InvalidInputException} naming what is wrong with a report that is not this customer's.
     */
    public Optional<Long> reportFromScript(String token, byte[] body) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = sha256(token);
        admit(tokenHash);
        CheckRepository.TokenRef ref = checks.tokenByHash(tokenHash).orElse(null);
        if (ref == null) {
            return Optional.empty();
        }
        CheckReport report = parse(body);
        return Optional.of(member.actingAs(Actor.checkToken(ref.partnerId(), ref.tokenId()),
                () -> QuarkusTransaction.requiringNew().call(() -> store(ref.customerId(), report, SCRIPT, ref.tokenId()))));
    }

    /** A report a person uploads from an offline run. */
    public long upload(long customerId, byte[] body) {
        current.of(customerId).orElseThrow(NotFoundException::new); // a foreign id is a 404 before anything is read
        if (body.length == 0) {
            throw InvalidInputException.of("file", "error.checkReport.noFile");
        }
        CheckReport report = parse(body);
        return QuarkusTransaction.requiringNew().call(() -> store(customerId, report, UPLOAD, null));
    }

    private void admit(String tokenHash) {
        long now = System.currentTimeMillis();
        Window window = windows.get(tokenHash, k -> new Window());
        synchronized (window) {
            if (now - window.start >= 60_000) {
                window.start = now;
                window.count = 0;
            }
            if (window.count >= config.checks().reportsPerMinute()) {
                throw new TooManyReports(Math.max(1, (window.start + 60_000 - now + 999) / 1000));
            }
            window.count++;
        }
    }

    static CheckReport parse(byte[] body) {
        if (body.length > MAX_REPORT_BYTES) {
            throw InvalidInputException.of("report", "error.checkReport.size", MAX_REPORT_BYTES / 1024);
        }
        int start = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return STRICT.readValue(body, start, body.length - start, CheckReport.class);
        } catch (IOException e) {
            throw InvalidInputException.of("report", "error.checkReport.shape");
        }
    }

    private long store(long customerId, CheckReport report, String source, Long tokenId) {
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        Set<String> hosts = ExportFormats.checkedHosts(snapshot.allowlist());
        List<String> problems = CheckReports.problems(report, customerId, snapshot.version(), hosts);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of("report", "error.checkReport.notThisCustomers", String.join("; ", problems));
        }
        CheckRun run = new CheckRun();
        run.customerId = customerId;
        run.receivedAt = OffsetDateTime.now();
        run.source = source;
        run.checkTokenId = tokenId;
        run.machine = report.machine().strip();
        run.proxy = report.proxy() == null || report.proxy().isBlank() ? null : report.proxy().strip();
        run.scriptVersion = report.scriptVersion();
        run.allowlistVersion = report.allowlistVersion();
        run.passed = report.passed();
        run.failed = report.failed();
        try {
            run.results = JSON.writeValueAsString(report.results());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        run.persist();
        current.changed(customerId);
        if (tokenId != null) {
            checks.countReport(tokenId, run.receivedAt);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        details.put("machine", run.machine);
        details.put("allowlistVersion", run.allowlistVersion);
        details.put("passed", run.passed);
        details.put("failed", run.failed);
        if (tokenId != null) {
            details.put("checkTokenId", tokenId);
        }
        audit.record(AuditService.Operation.CREATE, ResourceType.CHECK_REPORT, run.id, customerId, "Check report from " + run.machine
                + ": " + run.passed + " passed, " + run.failed + " failed (allowlist v" + run.allowlistVersion + ")", details);
        reported.fire(new CheckReported(snapshot.partnerId(), customerId, snapshot.customerName(), run.machine, run.allowlistVersion,
                run.passed, run.failed, report.results().stream().filter(r -> !r.passed()).map(CheckReport.HostResult::host)
                        .limit(20).toList()));
        return run.id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RunView> latest(long customerId) {
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        return checks.latestRun(customerId)
                .map(run -> view(run, snapshot.allowlist(), changeReports.applied(customerId), true));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RunView> history(long customerId, int max) {
        int applied = changeReports.applied(customerId);
        return checks.runs(customerId, max).stream()
                .map(run -> view(run, null, applied, false)).toList();
    }

    private static RunView view(CheckRun run, Allowlist allowlist, int applied, boolean withHosts) {
        List<HostView> hosts = new ArrayList<>();
        if (withHosts) {
            List<CheckReport.HostResult> results;
            try {
                results = JSON.readValue(run.results, new TypeReference<List<CheckReport.HostResult>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored check report does not parse", e);
            }
            for (CheckReport.HostResult r : results) {
                List<String> ports = r.ports() == null ? List.of() : r.ports().stream()
                        .map(p -> p.port() + ": " + (p.ok() ? "ok" + (p.ms() == null ? "" : " (" + p.ms() + " ms)")
                                : "failed" + (p.error() == null || p.error().isBlank() ? "" : " (" + p.error() + ")")))
                        .toList();
                hosts.add(new HostView(r.host(), r.dns() == null ? "—" : r.dns() ? "ok" : "failed", ports,
                        r.answer() == null ? "—" : r.answer() ? "ok" : "failed", r.passed(), r.failures(),
                        allowlist == null ? List.of() : rulesFor(allowlist, r.host()),
                        allowlist == null ? null : entryFor(allowlist, r.host())));
            }
            hosts.sort(Comparator.comparing(HostView::passed).thenComparing(HostView::host));
        }
        return new RunView(run.id, run.receivedAt, run.source, run.machine, run.proxy, run.allowlistVersion, run.passed,
                run.failed, applied > 0 && run.allowlistVersion < applied, hosts);
    }

    /** The catalog rules of the entry that asks for a host (itself, or the wildcard that took it over). */
    static List<String> rulesFor(Allowlist allowlist, String host) {
        for (AllowlistEntry e : allowlist.entries()) {
            if (e.value().equals(host)) {
                return e.reasons().stream().filter(r -> r.replaces() == null).map(Reason::source).toList();
            }
            List<String> taken = e.reasons().stream().filter(r -> host.equals(r.replaces())).map(Reason::source).toList();
            if (!taken.isEmpty()) {
                return taken;
            }
        }
        return List.of();
    }

    /** Kept with the customer's snapshot: every change to checks drops it (V14's triggers, and {@link #store}). */
    public Panel panel(long customerId) {
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        return snapshot.derive("checks", () -> QuarkusTransaction.joiningExisting().call(() -> computePanel(customerId, snapshot)));
    }

    private Panel computePanel(long customerId, AllowlistSnapshot snapshot) {
        Optional<RunView> latest = latest(customerId);
        List<RunView> history = history(customerId, 10);
        Optional<ReconciliationSummary> reconciliation = lastReconciliation(customerId);
        List<HostView> failed = latest.filter(r -> !r.stale()).map(r -> r.hosts().stream().filter(h -> !h.passed()).toList())
                .orElse(List.of());
        List<String> missing = reconciliation.filter(r -> r.allowlistVersion() == snapshot.version())
                .map(ReconciliationSummary::missingValues).orElse(List.of());
        return new Panel(latest.orElse(null), history, tokens(customerId), reconciliation.orElse(null),
                snapshot.applied(), failed, missing);
    }

    /** The allowlist entry that asks for a host: itself, or the wildcard that took it over. */
    static String entryFor(Allowlist allowlist, String host) {
        for (AllowlistEntry e : allowlist.entries()) {
            if (e.value().equals(host) || e.reasons().stream().anyMatch(r -> host.equals(r.replaces()))) {
                return e.value();
            }
        }
        return null;
    }

    /** The partner's customers whose last check failed or whose last reconciliation missed entries. */
    public List<Attention> attention() {
        return checks.attention(member.tenantId());
    }

    // --- reconciliation

    /**
     * What the firewall has, compared with the customer's current allowlist, with the product's
     * matching rules. {@code formatId} null, blank or "auto": detected from the text.
     */
    public Reconciliation reconcile(long customerId, String text, String formatId) {
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("list", "error.reconcile.empty");
        }
        ListFormat format = formatId == null || formatId.isBlank() || formatId.equals("auto") ? FirewallLists.detect(text)
                : ListFormat.byId(formatId).orElseThrow(() -> InvalidInputException.of("format", "error.reconcile.format",
                        String.join(", ", Arrays.stream(ListFormat.values()).map(ListFormat::id).toList())));
        FirewallLists.Parsed parsed;
        try {
            parsed = FirewallLists.parse(text, format);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("list", "error.reconcile.unreadable", format.id(), e.getMessage());
        }
        Reconciliation result = Reconciler.reconcile(snapshot.allowlist(), parsed);
        QuarkusTransaction.requiringNew().run(() -> {
            ReconciliationRecord record = new ReconciliationRecord();
            record.customerId = customerId;
            record.createdAt = OffsetDateTime.now();
            record.createdBy = member.displayName();
            record.format = format.id();
            record.allowlistVersion = snapshot.version();
            record.missing = (int) result.missing();
            record.broader = (int) result.broader();
            record.extra = (int) result.extra();
            record.missingValues = String.join("\n", result.missingValues());
            record.persist();
            current.changed(customerId);
        });
        audit.recordRead(AuditService.Operation.ACTION, ResourceType.RECONCILIATION, customerId, customerId,
                "Firewall configuration reconciled (" + format.id() + "): " + result.missing() + " missing, "
                        + result.broader() + " broader, " + result.extra() + " extra",
                Map.of("format", format.id(), "entries", parsed.entries().size(), "missing", result.missing(),
                        "allowlistVersion", snapshot.version()));
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReconciliationSummary> lastReconciliation(long customerId) {
        return checks.lastReconciliation(customerId).map(r -> new ReconciliationSummary(r.createdAt, r.createdBy, r.format, r.allowlistVersion,
                        r.missing, r.broader, r.extra, r.missingValues.isEmpty() ? List.of() : List.of(r.missingValues.split("\n"))));
    }

    // --- helpers


    static String sha256(String text) {
        return Sha256.hex(text);
    }

}
