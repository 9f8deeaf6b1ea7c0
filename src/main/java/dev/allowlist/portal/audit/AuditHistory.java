package dev.allowlist.portal.audit;

import dev.allowlist.portal.audit.core.HashChain;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit history as auditors read it: pages of events, one event, every event of a filter (the
 * exports), and the verification of the whole chain. Each reads the one chain the caller may read.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditHistory {

    /** One stored event as auditors see it. */
    public record Event(long id, Instant occurredAt, String actorSubject, String actorName, String client,
            String ipAddress, String operation, String resourceType, String resourceId, String resourcePath,
            Long customerId, String summary, String details) {
    }

    /** Which events: a period (whole days, UTC), a customer, an actor, an operation, a resource type. */
    public record Filter(LocalDate from, LocalDate to, Long customerId, String actor, String operation,
            String resourceType) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }

        public Map<String, String> described() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("from", from == null ? "" : from.toString());
            d.put("to", to == null ? "" : to.toString());
            d.put("customerId", customerId == null ? "" : customerId.toString());
            d.put("actor", actor == null ? "" : actor);
            d.put("operation", operation == null ? "" : operation);
            d.put("resourceType", resourceType == null ? "" : resourceType);
            return d;
        }
    }

    public record Page(List<Event> events, Long nextBefore) {
    }

    public record Verification(boolean intact, long events, HashChain.Broken broken) {
    }

    @Inject
    AuditRepository repository;

    @Inject
    CurrentMember member;

    /**
     * The chain the caller reads: the platform's for a platform admin, else their partner's (no chain
     * for a login that belongs to none). Who may read at all is declared on the audit routes.
     */
    public String readableChain() {
        return member.isPlatformAdmin() ? AuditService.PLATFORM_CHAIN : member.tenantId();
    }

    public Page page(Filter filter, Long before, int size) {
        List<Event> events = repository.newestFirst(readableChain(), filter, before, size + 1);
        Long next = null;
        if (events.size() > size) {
            events = events.subList(0, size);
            next = events.get(size - 1).id();
        }
        return new Page(List.copyOf(events), next);
    }

    /** Every event of the filter, oldest first, in batches (memory stays flat for long periods). */
    public void each(Filter filter, Consumer<Event> consumer) {
        String chain = readableChain();
        long after = 0;
        while (true) {
            List<Event> batch = repository.oldestFirst(chain, filter, after, 1000);
            batch.forEach(consumer);
            if (batch.size() < 1000) {
                return;
            }
            after = batch.get(batch.size() - 1).id();
            repository.forgetRead();
        }
    }

    public Optional<Event> find(long id) {
        return repository.find(readableChain(), id);
    }

    /** Walks the caller's whole chain and reports the first broken link, or that it is intact. */
    public Verification verify() {
        String chain = readableChain();
        AuditRepository.Head head = repository.head(chain).orElse(new AuditRepository.Head(HashChain.GENESIS, 0));
        long[] count = { 0 };
        Iterator<HashChain.Link> links = new Iterator<>() {
            private List<HashChain.Link> batch = List.of();
            private int index;
            private long after;
            private boolean done;

            public boolean hasNext() {
                if (index < batch.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                batch = repository.links(chain, after, 5000);
                index = 0;
                done = batch.size() < 5000;
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).content().id();
                }
                repository.forgetRead();
                return !batch.isEmpty();
            }

            public HashChain.Link next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                count[0]++;
                return batch.get(index++);
            }
        };
        Optional<HashChain.Broken> broken = HashChain.verify(links, head.lastHash(), head.count());
        return new Verification(broken.isEmpty(), count[0], broken.orElse(null));
    }
}
