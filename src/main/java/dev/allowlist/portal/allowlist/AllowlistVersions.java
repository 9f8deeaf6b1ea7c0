package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.partner.CurrentMember;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Stores a new allowlist version in the transaction of its cause, when (and only when) the content changed. */
@ApplicationScoped
public class AllowlistVersions {

    @Inject
    AllowlistService allowlists;

    @Inject
    CurrentMember member;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AllowlistVersion> recordIfChanged(Customer customer, String cause) {
        Allowlist allowlist = allowlists.current(customer);
        Optional<AllowlistVersion> latest = latest(customer.id);
        if (latest.isPresent() && latest.get().contentHash.equals(allowlist.contentHash())) {
            return Optional.empty();
        }
        AllowlistVersion version = new AllowlistVersion();
        version.customerId = customer.id;
        version.number = latest.map(v -> v.number + 1).orElse(1);
        version.contentHash = allowlist.contentHash();
        version.catalogVersion = allowlist.catalogVersion();
        version.entries = write(allowlist.entries());
        version.warnings = write(allowlist.warnings());
        version.cause = cause;
        version.actor = member.subject() == null ? "system" : member.subject();
        version.createdAt = OffsetDateTime.now();
        version.persist();
        return Optional.of(version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AllowlistVersion> latest(long customerId) {
        return AllowlistVersion.<AllowlistVersion>find("customerId", Sort.descending("number"), customerId)
                .firstResultOptional();
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
