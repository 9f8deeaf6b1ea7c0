package dev.allowlist.portal.allowlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits for the partner's technicians, from {@code allowlist_state} (kept by triggers, V20): the
 * customers whose newest allowlist version is not applied yet, oldest first, the customers with warnings,
 * feeds that stopped pulling, recent installer-log uploads, and how many customers waited on each of the
 * last 30 days; the queries are {@link WorkQueueRepository}'s.
 */
@ApplicationScoped
public class WorkQueue {

    /** The counts on top of the dashboard, and the catalog banner's (null when there is none). */
    public record Counts(long customers, long pending, long neverApplied, long upToDate, long warnings,
            CatalogNews catalogNews) {
    }

    /**
     * A customer whose firewall waits for a version: since when and why, and what it has to do
     * ({@code actions} adds, removes and port changes; the rest changes only reasons).
     */
    public record Waiting(long customerId, String name, int applied, int newest, OffsetDateTime since, String cause,
            int added, int removed, int actions) {

        /** Changes of ports or kind: what the firewall does besides adding and removing. */
        public int otherChanges() {
            return actions - added - removed;
        }

        public long days() {
            return Math.max(0, java.time.Duration.between(since, OffsetDateTime.now()).toDays());
        }
    }

    /** A customer whose newest version carries warnings. */
    public record Warned(long customerId, String name, int newest, OffsetDateTime changedAt) {
    }

    /** A feed whose firewall stopped pulling: its last pull is more than twice its usual interval ago. */
    public record SilentFeed(long customerId, String name, long feedId, String format, OffsetDateTime lastPulledAt,
            long usualMinutes) {
    }

    /** An installer log uploaded lately. */
    public record Upload(long customerId, String name, long uploadId, String fileName, int hostsAdded,
            OffsetDateTime at, String by) {
    }

    /** Customers that got a version from a catalog publication and have not applied it. */
    public record CatalogNews(long customers, OffsetDateTime since) {
    }

    /** Customers waiting at the end of a day. */
    public record Day(LocalDate day, long pending) {
    }

    /** A waiting customer as the query finds it, before its changes are counted. */
    public record WaitingRow(long customerId, String name, int applied, int newest, OffsetDateTime since, String cause) {
    }

    /** Everything the dashboard shows. */
    public record Queue(Counts counts, List<Waiting> waiting, List<Warned> warned, List<SilentFeed> silentFeeds,
            List<Upload> uploads, CatalogNews catalogNews, List<Day> days) {

        /** The highest daily count, for the chart's scale (at least 1). */
        public long peak() {
            return Math.max(1, days.stream().mapToLong(Day::pending).max().orElse(1));
        }

        /** The chart's bars, {@link Bar#WIDTH} apart, scaled so that the peak is {@link Bar#MAX} high. */
        public List<Bar> bars() {
            long peak = peak();
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                int height = (int) Math.round(days.get(i).pending() * (double) Bar.MAX / peak);
                bars.add(new Bar(i * Bar.WIDTH + 2, Bar.BASE - height, height, days.get(i)));
            }
            return bars;
        }

        public Day today() {
            return days.get(days.size() - 1);
        }
    }

    /** One day's bar of the dashboard's chart, in SVG user units. */
    public record Bar(int x, int y, int height, Day day) {
        static final int WIDTH = 20;
        static final int MAX = 90;
        static final int BASE = 100;
    }

    static final int ROWS = 10;

    /**
     * The chart's days by partner, for a minute: a day's count moves slowly, and the query reads every
     * version of the partner (17 ms at 500 customers of 10 versions, against 1-2 ms for the rest).
     */
    private static final Cache<String, List<Day>> DAYS = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    /** Change counts by customer and versions: they never change for the same pair of versions. */
    private static final Cache<String, int[]> COUNTS = Caffeine.newBuilder().maximumSize(20_000).build();

    @Inject
    WorkQueueRepository repository;

    @Inject
    CurrentMember member;

    @Inject
    ChangeReports reports;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Queue queue() {
        String partner = member.tenantId();
        Counts counts = repository.counts(partner);
        return new Queue(counts, waiting(partner), repository.warned(partner, ROWS),
                repository.silentFeeds(partner, ROWS), repository.uploads(partner), counts.catalogNews(),
                DAYS.get(partner, p -> repository.days(p, 30)));
    }

    /** The customers that wait longest, with what they wait for (counted once per pair of versions). */
    List<Waiting> waiting(String partner) {
        List<Waiting> waiting = new ArrayList<>();
        for (WaitingRow r : repository.waiting(partner, ROWS)) {
            int[] counts = COUNTS.get(r.customerId() + ":" + r.applied() + ":" + r.newest(), key -> {
                ChangeReport report = reports.report(r.customerId(), r.applied(), r.newest(), r.applied());
                return new int[] {report.added().size(), report.removed().size(), report.firewallActions()};
            });
            waiting.add(new Waiting(r.customerId(), r.name(), r.applied(), r.newest(), r.since(), r.cause(), counts[0],
                    counts[1], counts[2]));
        }
        return waiting;
    }
}
