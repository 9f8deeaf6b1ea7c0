package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.SqlArrays;
import dev.allowlist.portal.catalog.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

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
    public Optional<AllowlistVersion> recordIfChanged(Customer customer, String cause) {
        return record(customer, cause, Optional.ofNullable(latest(List.of(customer.id)).get(customer.id)));
    }

    /** A new customer's first version: it has none yet, so there is nothing to look up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AllowlistVersion> recordFirst(Customer customer, String cause) {
        return record(customer, cause, Optional.empty());
    }

    /**
     * A customer as the generator sees it, with its newest version (null before the first): what
     * {@link #recordChanged} reads for a whole batch in one query.
     */
    public record Candidate(long customerId, String partnerId, String name, CustomerProfile profile, List<String> hosts,
            Latest latest) {
    }

    /**
     * These customers of the connection's partner (row-level security), in id order, with their
     * profiles, observed hosts and newest versions: one query for a batch.
     */
    private static final String CANDIDATES_SQL = """
            SELECT c.id, c.partner_id, c.name, c.regions, c.wildcard_support, c.uses_active_directory, c.tls_inspection,
                   c.application_filtering, c.narrow_hydra,
                   (SELECT array_agg(l.license) FROM customer_license l WHERE l.partner_id = c.partner_id AND l.customer_id = c.id) AS licenses,
                   (SELECT array_agg(h.value ORDER BY h.value) FROM mcs_host h WHERE h.partner_id = c.partner_id AND h.customer_id = c.id) AS hosts,
                   v.number AS latest_number, v.content_hash AS latest_hash
            FROM customer c
            LEFT JOIN LATERAL (SELECT number, content_hash FROM allowlist_version av
                               WHERE av.partner_id = c.partner_id AND av.customer_id = c.id
                               ORDER BY number DESC LIMIT 1) v ON true
            WHERE c.partner_id = ? AND c.id = ANY (?)
            ORDER BY c.id
            """;

    private static final String INSERT_SQL = "INSERT INTO allowlist_version (partner_id, customer_id, number, content_hash, "
            + "catalog_version, entries, warnings, cause, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The customers of one partner, read for {@link #recordChanged} in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Candidate> candidates(String partnerId, List<Long> customerIds) {
        return AllowlistVersion.getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            List<Candidate> found = new ArrayList<>(customerIds.size());
            try (PreparedStatement st = c.prepareStatement(CANDIDATES_SQL)) {
                st.setString(1, partnerId);
                st.setArray(2, c.createArrayOf("bigint", customerIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        CustomerProfile profile = profile(rs);
                        int number = rs.getInt("latest_number");
                        Latest latest = rs.wasNull() ? null : new Latest(number, rs.getString("latest_hash"));
                        found.add(new Candidate(rs.getLong("id"), rs.getString("partner_id"), rs.getString("name"), profile,
                                SqlArrays.strings(rs.getArray("hosts")), latest));
                    }
                }
            }
            return found;
        });
    }

    /**
     * A profile from a row that has the customer's columns ({@code regions}, {@code wildcard_support},
     * {@code uses_active_directory}, {@code tls_inspection}, {@code application_filtering},
     * {@code narrow_hydra}) and its licenses as an array ({@code licenses}), as the publisher's queries read it.
     */
    public static CustomerProfile profile(ResultSet rs) throws SQLException {
        EnumSet<License> licenses =
                EnumSet.of(License.CENTRAL);
        for (String l : SqlArrays.strings(rs.getArray("licenses"))) {
            License parsed = License.parse(l);
            if (parsed != null) {
                licenses.add(parsed);
            }
        }
        return new CustomerProfile(licenses, SqlArrays.strings(rs.getArray("regions")), rs.getBoolean("wildcard_support"),
                rs.getBoolean("uses_active_directory"), rs.getBoolean("tls_inspection"),
                rs.getBoolean("application_filtering"), rs.getBoolean("narrow_hydra"));
    }

    /**
     * Catalog publishing's path: generates each candidate's allowlist and stores a new version for
     * those whose content changed, in one batch of inserts in the caller's transaction. The same
     * versions, drops and events as {@link #recordIfChanged(Customer, String)}; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordChanged(List<Candidate> candidates, String cause) {
        record New(Candidate candidate, Allowlist allowlist, int number) {
        }
        List<New> changed = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Allowlist allowlist = allowlists.current(candidate.profile(), candidate.hosts());
            if (candidate.latest() == null || !candidate.latest().contentHash().equals(allowlist.contentHash())) {
                changed.add(new New(candidate, allowlist, candidate.latest() == null ? 1 : candidate.latest().number() + 1));
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        String actor = member.subject() == null ? "system" : member.subject();
        OffsetDateTime now = OffsetDateTime.now();
        AllowlistVersion.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT_SQL)) {
                for (New n : changed) {
                    st.setString(1, n.candidate().partnerId());
                    st.setLong(2, n.candidate().customerId());
                    st.setInt(3, n.number());
                    st.setString(4, n.allowlist().contentHash());
                    st.setString(5, n.allowlist().catalogVersion());
                    st.setString(6, write(n.allowlist().entries()));
                    st.setString(7, write(n.allowlist().warnings()));
                    st.setString(8, cause);
                    st.setString(9, actor);
                    st.setObject(10, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
        for (New n : changed) {
            current.changed(n.candidate().customerId());
            recorded.fire(new VersionRecorded(n.candidate().partnerId(), n.candidate().customerId(), n.candidate().name(),
                    n.number(), cause, n.allowlist().catalogVersion(), n.allowlist().entries().size()));
        }
        return changed.size();
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
