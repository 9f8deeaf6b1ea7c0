package dev.allowlist.portal.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.AllowlistVersion;
import dev.allowlist.portal.allowlist.AllowlistVersions;
import dev.allowlist.portal.allowlist.ChangeFeed;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.export.ExportService;
import dev.allowlist.portal.export.ExportService.Download;
import dev.allowlist.portal.export.core.ExportFormats;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Feeds: the URLs a firewall polls for a customer's list in one format (or for the Atom feed of its
 * versions). Partner admins create and revoke them; a pull needs no login, its token is the credential.
 */
@ApplicationScoped
public class FeedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The feed "format" that announces new versions instead of serving an export. */
    public static final String ATOM = "atom";

    @Inject
    CustomerService customers;

    @Inject
    AllowlistVersions versions;

    @Inject
    ChangeReports reports;

    @Inject
    CurrentAllowlists current;

    @Inject
    ExportService exports;

    @Inject
    AuditService audit;

    @Inject
    CurrentMember member;

    @Inject
    FeedPulls pulls;

    @Inject
    FeedRepository repository;

    @Inject
    PortalConfig config;

    /** A new feed; the token is returned once and only its hash is kept. */
    @Transactional
    public String createFeed(long customerId, String formatId) {
        String formatName = ATOM.equals(formatId) ? ATOM : ExportService.format(formatId).id();
        if (!ATOM.equals(formatName) && ExportService.format(formatName).retired()) {
            throw InvalidInputException.of("format", "error.formatRetired", formatName, ExportService.format(formatName).replacedBy());
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
        audit.record(AuditService.Operation.CREATE, ResourceType.FEED, feed.id, customer.id, "Feed created (" + formatName + ")",
                Map.of("after", Map.of("format", formatName, "feedId", feed.id)));
        return token;
    }

    @Transactional
    public void revokeFeed(long customerId, long feedId) {
        Customer customer = customers.findForChange(customerId).orElseThrow(NotFoundException::new);
        Feed feed = repository.find(customer.id, feedId).orElseThrow(NotFoundException::new);
        if (feed.revokedAt == null) {
            feed.revokedAt = OffsetDateTime.now();
            current.changed(customer.id);
            audit.record(AuditService.Operation.ACTION, ResourceType.FEED, feed.id, customer.id, "Feed revoked (" + feed.format + ")",
                    Map.of("before", Map.of("revoked", false), "after", Map.of("revoked", true)));
        }
    }

    /**
     * The feeds list of a customer page, by snapshot (a feed created or revoked makes a new one), for
     * as long as the pull counts are written apart anyway ({@code portal.feeds.counts-flush}): counts on
     * the page are at most twice that old, and a page visit costs no query.
     */
    private Cache<AllowlistSnapshot, List<FeedView>> feedViews;

    @PostConstruct
    void feedViewsLastAsLongAsCounts() {
        feedViews = Caffeine.newBuilder().weakKeys().maximumSize(1000)
                .expireAfterWrite(config.feeds().countsFlush()).build();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedView> feeds(long customerId) {
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        return feedViews.get(snapshot, s -> repository.ofCustomer(member.tenantId(), customerId));
    }

    /** Known tokens by hash; unknown ones are not remembered (anyone can make up tokens). */
    private final Cache<String, FeedRepository.FeedRef> feedRefs =
            Caffeine.newBuilder().maximumSize(100_000).build();

    /**
     * A feed's answer: the download, whether the client already had it (If-None-Match), and when it may
     * be sent (at once, or once its delivery is recorded).
     */
    public record Pull(Download download, boolean notModified, CompletionStage<Void> recorded) {
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
        FeedRepository.FeedRef ref = feedRefs.getIfPresent(tokenHash);
        if (ref == null) {
            ref = repository.byTokenHash(tokenHash).orElse(null);
            if (ref == null) {
                return Optional.empty();
            }
            feedRefs.put(tokenHash, ref);
        }
        FeedRepository.FeedRef found = ref;
        return member.actingAs(Actor.feed(ref.partnerId(), ref.feedId()), () -> answer(found, ifNoneMatch, client));
    }

    private Optional<Pull> answer(FeedRepository.FeedRef ref, String ifNoneMatch, String client) {
        Optional<AllowlistSnapshot> found = current.of(ref.customerId());
        if (found.isEmpty() || !found.get().activeFeeds().containsKey(ref.feedId())) {
            return Optional.empty(); // revoked, or the customer is gone
        }
        AllowlistSnapshot snapshot = found.get();
        String format = ref.format();
        Download download = ATOM.equals(format) ? snapshot.derive("feed:" + format, () -> atom(snapshot))
                : exports.render(snapshot, ExportFormats.byId(format).orElseThrow(), null);
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

    /** The Atom feed of a customer's versions: each announces what changed since the one before. */
    private Download atom(AllowlistSnapshot customer) {
        List<AllowlistVersion> all = QuarkusTransaction.joiningExisting()
                .call(() -> versions.all(customer.customerId()));
        List<ChangeFeed.Item> items = all.stream().limit(50).map(v -> new ChangeFeed.Item(v.number, v.createdAt, v.cause,
                QuarkusTransaction.joiningExisting().call(() -> reports.report(customer.customerId(), v.number - 1,
                        v.number)))).toList();
        String body = ChangeFeed.atom(customer.customerId(), customer.customerName(), items);
        String etag = "\"" + sha256("atom|" + (all.isEmpty() ? 0 : all.get(0).number) + "|" + customer.customerName()).substring(0, 32) + "\"";
        return new Download("changes.atom", "application/atom+xml; charset=UTF-8", body, List.of(), etag);
    }


    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
