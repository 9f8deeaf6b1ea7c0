package dev.allowlist.portal.customer;

import dev.allowlist.portal.audit.CustomerNames;
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

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Named> all(int max) {
        List<Named> found = repository.namesByName(max + 1);
        return found.size() > max ? List.of() : found;
    }
}
