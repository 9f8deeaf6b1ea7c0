package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Stores a new allowlist version in the transaction of its cause, when (and only when) the content changed. */
@ApplicationScoped
public class AllowlistVersions {

    @Inject
    AllowlistRepository repository;

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
    public Optional<AllowlistVersion> recordIfChanged(Customer customer, String cause, String causeDetail) {
        return record(customer, cause, causeDetail, Optional.ofNullable(latest(List.of(customer.id)).get(customer.id)));
    }

    /** A new customer's first version: it has none yet, so there is nothing to look up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AllowlistVersion> recordFirst(Customer customer, String cause) {
        return record(customer, cause, null, Optional.empty());
    }

    /**
     * A customer as the generator sees it, with its newest version (null before the first): what
     * {@link #recordChanged} reads for a whole batch in one query.
     */
    public record Candidate(long customerId, String partnerId, String name, CustomerProfile profile, List<String> hosts,
            Latest latest) {
    }

    /** The customers of one partner, read for {@link #recordChanged} in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Candidate> candidates(String partnerId, List<Long> customerIds) {
        return repository.candidates(partnerId, customerIds);
    }

    /**
     * Catalog publishing's path: generates each candidate's allowlist and stores a new version for
     * those whose content changed, in one batch of inserts in the caller's transaction. The same
     * versions, drops and events as {@link #recordIfChanged(Customer, String, String)}; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordChanged(List<Candidate> candidates, String cause) {
        record New(Candidate candidate, Allowlist allowlist, int number, String entries, String warnings) {
        }
        // Generating and writing each customer's JSON is CPU work of its own, half the Java side of a
        // publication: a batch uses every core for it (the common pool), in the candidates' order.
        AllowlistGenerator generator = allowlists.generator();
        List<New> changed = candidates.parallelStream().map(candidate -> {
            Allowlist allowlist = generator.generate(candidate.profile(), candidate.hosts());
            if (candidate.latest() != null && candidate.latest().contentHash().equals(allowlist.contentHash())) {
                return null;
            }
            return new New(candidate, allowlist, candidate.latest() == null ? 1 : candidate.latest().number() + 1,
                    write(allowlist.entries()), write(allowlist.warnings()));
        }).filter(Objects::nonNull).toList();
        if (changed.isEmpty()) {
            return 0;
        }
        String actor = member.subject() == null ? "system" : member.subject();
        OffsetDateTime now = OffsetDateTime.now();
        repository.insertVersions(changed.stream().map(n -> new AllowlistRepository.NewVersion(n.candidate().partnerId(),
                n.candidate().customerId(), n.number(), n.allowlist().contentHash(), n.allowlist().catalogVersion(),
                n.entries(), n.warnings(), cause, actor, now)).toList());
        for (New n : changed) {
            current.changed(n.candidate().customerId());
            recorded.fire(new VersionRecorded(n.candidate().partnerId(), n.candidate().customerId(), n.candidate().name(),
                    n.number(), cause, n.allowlist().catalogVersion(), n.allowlist().entries().size()));
        }
        return changed.size();
    }

    private Optional<AllowlistVersion> record(Customer customer, String cause, String causeDetail, Optional<Latest> latest) {
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
        version.causeDetail = causeDetail == null || causeDetail.isBlank() ? null : causeDetail;
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
    public Map<Long, Latest> latest(List<Long> customerIds) {
        return repository.latest(customerIds);
    }

    /** The newest version's number (0 before the first), without loading its content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int latestNumber(long customerId) {
        return repository.latestNumber(customerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllowlistVersion> all(long customerId) {
        return repository.all(customerId);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
