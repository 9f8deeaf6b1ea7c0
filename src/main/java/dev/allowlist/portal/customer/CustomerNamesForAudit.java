package dev.allowlist.portal.customer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.allowlist.portal.audit.CustomerNames;
import dev.allowlist.portal.partner.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The audit history's customer names, from the customer repository (tenant-scoped like every query there). */
@ApplicationScoped
class CustomerNamesForAudit implements CustomerNames {

    @Inject
    CustomerRepository repository;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> of(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : repository.names(ids);
    }

    /**
     * The picker's list by partner, kept while the partner's customers are the same (their count and
     * latest change): read and sorted again only when a customer was added, renamed or removed.
     */
    private final Cache<String, Picker> pickers = Caffeine.newBuilder().maximumSize(1_000).build();

    private record Picker(String fingerprint, List<Named> names) {
    }

    @Inject
    CurrentMember member;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Named> all(int max) {
        String fingerprint = repository.namesFingerprint(member.tenantId()) + "|" + max;
        Picker cached = pickers.getIfPresent(member.tenantId());
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.names();
        }
        List<Named> found = repository.namesByName(max + 1);
        List<Named> names = found.size() > max ? List.of() : found;
        pickers.put(member.tenantId(), new Picker(fingerprint, names));
        return names;
    }
}
