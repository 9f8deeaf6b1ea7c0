package dev.allowlist.portal.export;

import dev.allowlist.portal.allowlist.Allowlist;
import dev.allowlist.portal.allowlist.AllowlistService;
import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.AllowlistVersion;
import dev.allowlist.portal.allowlist.AllowlistVersions;
import dev.allowlist.portal.allowlist.ChangeFeed;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.Role;
import dev.allowlist.portal.system.InvalidInputException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Renders exports (audited as sensitive reads), streams bulk ZIPs, and keeps feeds. */
@ApplicationScoped
public class ExportService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The feed "format" that announces new versions instead of serving an export. */
    public static final String ATOM = "atom";

    /** A rendered file with its name and what it left out. */
    public record Download(String fileName, String contentType, String content, List<ExportFormat.Omitted> omitted,
            String etag) {
    }

    /** A feed as the customer page lists it. */
    public record FeedView(long id, String format, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt,
            OffsetDateTime lastPulledAt, long pullCount, String lastClient) {

        /** For a feed of a retired format: the format to replace it with (the feed keeps answering). */
        public String replacedBy() {
            return ExportFormats.byId(format).map(ExportFormat::replacedBy).orElse(null);
        }
    }

    @Inject
    CustomerService customers;

    @Inject
    AllowlistService allowlists;

    @Inject
    AllowlistVersions versions;

    @Inject
    AuditService audit;

    @Inject
    CurrentMember member;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FeedPulls pulls;

    @Inject
    dev.allowlist.portal.allowlist.ChangeReports reports;

    @Inject
    CurrentAllowlists current;

    public static ExportFormat format(String id) {
        return ExportFormats.byId(id).orElseThrow(() -> InvalidInputException.of("format", "error.format",
                String.join(", ", ExportFormats.all().stream().map(ExportFormat::id).toList())));
    }

    /**
     * One customer's allowlist in a format; the stage completes with it once the download is recorded (and
     * fails when it cannot be: nothing is served unrecorded). The caller holds no thread meanwhile.
     */
    public java.util.concurrent.CompletionStage<Download> downloadLater(long customerId, String formatId, String proxy) {
        ExportFormat format = format(formatId);
        checkProxy(proxy);
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        Download download = render(snapshot.customerName(), snapshot.customerId(), snapshot.version(),
                snapshot.allowlist(), format, proxy, Instant.now());
        return audit.recordReadLater(AuditService.Operation.ACTION, "export", format.id(), snapshot.customerId(),
                "Allowlist exported as " + format.id() + ": " + download.fileName(), downloadDetails(format, download))
                .thenApply(stored -> download);
    }

    private static Map<String, Object> downloadDetails(ExportFormat format, Download download) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.id());
        details.put("fileName", download.fileName());
        details.put("leftOut", download.omitted().stream().map(ExportFormat.Omitted::value).toList());
        return details;
    }

    static Download render(String customerName, long customerId, int version, Allowlist allowlist, ExportFormat format,
            String proxy, Instant generatedAt) {
        ExportFormat.Export export = format.render(new ExportFormat.ExportContext(customerName, customerId, version,
                generatedAt, allowlist, proxy));
        String etag = "\"" + sha256(allowlist.contentHash() + "|" + version + "|" + format.id() + "|" + proxy).substring(0, 32) + "\"";
        return new Download(fileName(customerName, customerId, version, format), format.contentType(), export.content(),
                export.omitted(), etag);
    }

    /** What each format would leave out of this customer's allowlist, for the download menu. */
    public record Option(String id, List<ExportFormat.Omitted> leftOut) {
    }

    /** Computed once per snapshot: the customer page shows it on every visit. */
    public List<Option> options(AllowlistSnapshot snapshot) {
        return snapshot.derive("export-options", () -> {
            ExportFormat.ExportContext context = new ExportFormat.ExportContext(snapshot.customerName(),
                    snapshot.customerId(), snapshot.version(), Instant.EPOCH, snapshot.allowlist(), null);
            return ExportFormats.menu().stream().map(f -> new Option(f.id(), f.render(context).omitted())).toList();
        });
    }

    /** Every customer of the partner in one format, as ZIP entries written as they are rendered. */
    @Transactional
    public void bulk(String formatId, String proxy, OutputStream out) throws IOException {
        ExportFormat format = format(formatId);
        checkProxy(proxy);
        member.requireCustomerReader();
        audit.record(AuditService.Operation.ACTION, "export", format.id(), null,
                "All customers exported as " + format.id(), Map.of("format", format.id(), "bulk", true));
        Instant now = Instant.now();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            long after = 0;
            while (true) {
                List<Customer> batch = Customer.<Customer>find("id > ?1 order by id", after).page(0, 200).list();
                // the batch's newest version numbers in one query, not one per customer
                Map<Long, AllowlistVersions.Latest> latest = versions.latest(batch.stream().map(c -> c.id).toList());
                for (Customer customer : batch) {
                    AllowlistVersions.Latest newest = latest.get(customer.id);
                    Download d = render(customer.name, customer.id, newest == null ? 0 : newest.number(),
                            allowlists.current(customer), format, proxy, now);
                    // customers may share a name; a ZIP may not hold two entries of one name
                    String name = names.add(d.fileName()) ? d.fileName()
                            : d.fileName().replaceFirst("_v(\\d+)_", "_c" + customer.id + "_v$1_");
                    names.add(name);
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(d.content().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                if (batch.size() < 200) {
                    break;
                }
                after = batch.get(batch.size() - 1).id;
                zip.flush();
                em.clear(); // memory stays flat, whatever the number of customers
            }
        }
    }

    /** A new feed; the token is returned once and only its hash is kept. */
    @Transactional
    public String createFeed(long customerId, String formatId) {
        requireAdmin();
        String formatName = ATOM.equals(formatId) ? ATOM : format(formatId).id();
        if (!ATOM.equals(formatName) && format(formatName).retired()) {
            throw InvalidInputException.of("format", "error.formatRetired", formatName, format(formatName).replacedBy());
        }
        Customer customer = customers.findForChange(customerId).orElseThrow(NotFoundException::new);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Feed feed = new Feed();
        feed.customerId = customer.id;
        feed.format = formatName;
        feed.tokenHash = sha256(token);
        feed.createdBy = member.displayName();
        feed.createdAt = OffsetDateTime.now();
        feed.persist();
        current.changed(customer.id);
        audit.record(AuditService.Operation.CREATE, "feed", feed.id, customer.id, "Feed created (" + formatName + ")",
                Map.of("after", Map.of("format", formatName, "feedId", feed.id)));
        return token;
    }

    @Transactional
    public void revokeFeed(long customerId, long feedId) {
        requireAdmin();
        Customer customer = customers.findForChange(customerId).orElseThrow(NotFoundException::new);
        Feed feed = Feed.<Feed>find("id = ?1 and customerId = ?2", feedId, customer.id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        if (feed.revokedAt == null) {
            feed.revokedAt = OffsetDateTime.now();
            current.changed(customer.id);
            audit.record(AuditService.Operation.ACTION, "feed", feed.id, customer.id, "Feed revoked (" + feed.format + ")",
                    Map.of("before", Map.of("revoked", false), "after", Map.of("revoked", true)));
        }
    }

    /**
     * The feeds list of a customer page, by snapshot (a feed created or revoked makes a new one), for
     * as long as the pull counts are written apart anyway ({@code portal.feeds.counts-flush}): counts on
     * the page are at most twice that old, and a page visit costs no query.
     */
    private com.github.benmanes.caffeine.cache.Cache<AllowlistSnapshot, List<FeedView>> feedViews;

    @Inject
    dev.allowlist.portal.partner.PortalConfig config;

    @jakarta.annotation.PostConstruct
    void feedViewsLastAsLongAsCounts() {
        feedViews = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(1000)
                .expireAfterWrite(config.feeds().countsFlush()).build();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedView> feeds(long customerId) {
        member.requireCustomerReader();
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        return feedViews.get(snapshot, s -> loadFeeds(customerId));
    }

    private List<FeedView> loadFeeds(long customerId) {
        // native SQL naming the partner: no query translation per call
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, format, created_at, created_by, revoked_at, last_pulled_at, "
                + "pull_count, last_client FROM feed WHERE partner_id = ?1 AND customer_id = ?2 ORDER BY id DESC")
                .setParameter(1, member.tenantId()).setParameter(2, customerId).getResultList();
        return rows.stream().map(r -> new FeedView(((Number) r[0]).longValue(), (String) r[1], time(r[2]), (String) r[3],
                time(r[4]), time(r[5]), ((Number) r[6]).longValue(), (String) r[7])).toList();
    }

    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** What a token names; facts that never change for a feed (revocation is checked on the snapshot). */
    private record FeedRef(long feedId, String partnerId, long customerId, String format) {
    }

    /** Known tokens by hash; unknown ones are not remembered (anyone can make up tokens). */
    private final com.github.benmanes.caffeine.cache.Cache<String, FeedRef> feedRefs =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();

    /**
     * A feed's answer: the download, whether the client already had it (If-None-Match), and when it may
     * be sent (at once, or once its delivery is recorded).
     */
    public record Pull(Download download, boolean notModified, java.util.concurrent.CompletionStage<Void> recorded) {
    }

    /**
     * A firewall's pull: no login, the token is the credential. Unknown or revoked tokens find nothing.
     * The partner comes from the feed (looked up by the token's hash alone). The pull is counted, and
     * audited when it delivers a version this client has not had from this feed ({@link FeedPulls}).
     * While the customer's allowlist does not change, a pull costs no query at all.
     */
    public Optional<Pull> pull(String token, String ifNoneMatch, String client) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = sha256(token);
        FeedRef ref = feedRefs.getIfPresent(tokenHash);
        if (ref == null) {
            ref = lookUp(tokenHash);
            if (ref == null) {
                return Optional.empty();
            }
            feedRefs.put(tokenHash, ref);
        }
        member.actAsFeed(ref.partnerId(), ref.feedId());
        Optional<AllowlistSnapshot> found = current.of(ref.customerId());
        if (found.isEmpty() || !found.get().activeFeeds().containsKey(ref.feedId())) {
            return Optional.empty(); // revoked, or the customer is gone
        }
        AllowlistSnapshot snapshot = found.get();
        String format = ref.format();
        Download download = snapshot.derive("feed:" + format, () -> ATOM.equals(format) ? atom(snapshot)
                : render(snapshot.customerName(), snapshot.customerId(), snapshot.version(), snapshot.allowlist(),
                        ExportFormats.byId(format).orElseThrow(), null,
                        snapshot.versionCreatedAt() == null ? Instant.EPOCH : snapshot.versionCreatedAt()));
        boolean notModified = etagMatches(ifNoneMatch, download.etag());
        return Optional.of(new Pull(download, notModified, pulls.pulled(ref.partnerId(), ref.feedId(), snapshot.customerId(),
                format, snapshot.version(), download.etag(), client, notModified)));
    }

    /** RFC 9110 If-None-Match: "*", or a list of entity tags compared weakly (W/ ignored). */
    static boolean etagMatches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    // the feed's partner is not known before this lookup, and the token's hash is the only key: one of
    // the deliberate cross-tenant paths, a function of the database that returns that one feed
    private FeedRef lookUp(String tokenHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT feed_id, partner_id, customer_id, format FROM portal_feed_by_token_hash(?)")) {
            st.setString(1, tokenHash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new FeedRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Atom feed of a customer's versions: each announces what changed since the one before. */
    private Download atom(AllowlistSnapshot customer) {
        List<dev.allowlist.portal.allowlist.AllowlistVersion> all = QuarkusTransaction.joiningExisting()
                .call(() -> versions.all(customer.customerId()));
        List<ChangeFeed.Item> items = all.stream().limit(50).map(v -> new ChangeFeed.Item(v.number, v.createdAt, v.cause,
                QuarkusTransaction.joiningExisting().call(() -> reports.report(customer.customerId(), v.number - 1,
                        v.number)))).toList();
        String body = ChangeFeed.atom(customer.customerId(), customer.customerName(), items);
        String etag = "\"" + sha256("atom|" + (all.isEmpty() ? 0 : all.get(0).number) + "|" + customer.customerName()).substring(0, 32) + "\"";
        return new Download("changes.atom", "application/atom+xml; charset=UTF-8", body, List.of(), etag);
    }

    private void requireAdmin() {
        member.requireCustomerReader();
        if (member.role() != Role.PARTNER_ADMIN) {
            throw new jakarta.ws.rs.ForbiddenException("Only partner admins manage feeds.");
        }
    }

    private static void checkProxy(String proxy) {
        if (proxy != null && !proxy.isBlank() && !PacFormat.isValidProxy(proxy)) {
            throw InvalidInputException.of("proxy", "error.proxy");
        }
    }

    static String fileName(String customerName, long customerId, int version, ExportFormat format) {
        String slug = Normalizer.normalize(customerName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "customer-" + customerId;
        }
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug + "_v" + version + "_" + format.id() + "." + format.extension();
    }

    static String sha256(String text) {
        return dev.allowlist.portal.Sha256.hex(text);
    }

}
