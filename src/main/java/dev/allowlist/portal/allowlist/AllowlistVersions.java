package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.partner.CurrentMember;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Stores a new allowlist version in the transaction of its cause, when (and only when) the content changed. */
@ApplicationScoped
public class AllowlistVersions {

    @Inject
    Event<VersionRecorded> recorded;

    @Inject
    AllowlistService allowlists;

    @Inject
    CurrentMember member;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentAllowlists current;

    /** A customer's newest version: its number and content hash. */
    public record Latest(int number, String contentHash) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AllowlistVersion> recordIfChanged(Customer customer, String cause) {
        return record(customer, cause, Optional.ofNullable(latest(List.of(customer.id)).get(customer.id)));
    }

    /** A new customer's first version: it has none yet, so there is nothing to look up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AllowlistVersion> recordFirst(Customer customer, String cause) {
        return record(customer, cause, Optional.empty());
    }

    /** The same for many customers at once, with one query for their newest versions (catalog publishing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordIfChanged(List<Customer> customers, String cause) {
        if (customers.isEmpty()) {
            return 0;
        }
        java.util.Map<Long, Latest> latest = latest(customers.stream().map(c -> c.id).toList());
        int created = 0;
        for (Customer customer : customers) {
            if (record(customer, cause, Optional.ofNullable(latest.get(customer.id))).isPresent()) {
                created++;
            }
        }
        return created;
    }

    private Optional<AllowlistVersion> record(Customer customer, String cause, Optional<Latest> latest) {
        Allowlist allowlist = allowlists.current(customer);
        if (latest.isPresent() && latest.get().contentHash().equals(allowlist.contentHash())) {
            return Optional.empty();
        }
        AllowlistVersion version = new AllowlistVersion();
        version.customerId = customer.id;
        version.number = latest.map(v -> v.number() + 1).orElse(1);
        version.contentHash = allowlist.contentHash();
        version.catalogVersion = allowlist.catalogVersion();
        version.entries = write(allowlist.entries());
        version.warnings = write(allowlist.warnings());
        version.cause = cause;
        version.actor = member.subject() == null ? "system" : member.subject();
        version.createdAt = OffsetDateTime.now();
        version.persist();
        current.changed(customer.id);
        // those who subscribed hear of it through the outbox, in this same transaction
        recorded.fire(new VersionRecorded(customer.partnerId, customer.id, customer.name, version.number, cause,
                version.catalogVersion, allowlist.entries().size()));
        return Optional.of(version);
    }

    /** The newest version of each of these customers (one query); customers without one are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, Latest> latest(List<Long> customerIds) {
        java.util.Map<Long, Latest> latest = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return latest;
        }
        AllowlistVersion.getEntityManager().createQuery(
                "select v.customerId, v.number, v.contentHash from AllowlistVersion v where v.customerId in :ids "
                        + "and v.number = (select max(w.number) from AllowlistVersion w where w.customerId = v.customerId)",
                Object[].class).setParameter("ids", customerIds).getResultList()
                .forEach(row -> latest.put((Long) row[0], new Latest((Integer) row[1], (String) row[2])));
        return latest;
    }

    /** The newest version's number (0 before the first), without loading its content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int latestNumber(long customerId) {
        List<Integer> numbers = AllowlistVersion.getEntityManager().createQuery(
                "select v.number from AllowlistVersion v where v.customerId = ?1 order by v.number desc", Integer.class)
                .setParameter(1, customerId).setMaxResults(1).getResultList();
        return numbers.isEmpty() ? 0 : numbers.get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllowlistVersion> all(long customerId) {
        return AllowlistVersion.<AllowlistVersion>find("customerId", Sort.descending("number"), customerId).list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
