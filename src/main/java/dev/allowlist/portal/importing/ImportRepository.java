package dev.allowlist.portal.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Every query of the importing feature: stored customer-list imports and the files of an installer-log batch. */
@ApplicationScoped
class ImportRepository {

    @Inject
    EntityManager em;

    /** By query, not em.find: the tenant filter is guaranteed on queries. */
    Optional<CustomerImport> customerImport(long id) {
        return em.createQuery("from CustomerImport where id = ?1", CustomerImport.class).setParameter(1, id)
                .getResultStream().findFirst();
    }

    void markApplied(long importId, OffsetDateTime at) {
        em.createQuery("update CustomerImport set appliedAt = ?1 where id = ?2").setParameter(1, at)
                .setParameter(2, importId).executeUpdate();
    }

    Optional<InstallerLogBatchFile> batchFile(String batch, long fileId) {
        return em.createQuery("from InstallerLogBatchFile where id = ?1 and batch = ?2", InstallerLogBatchFile.class)
                .setParameter(1, fileId).setParameter(2, batch).getResultStream().findFirst();
    }

    List<InstallerLogBatchFile> batchFiles(String batch) {
        return em.createQuery("from InstallerLogBatchFile where batch = ?1 order by id", InstallerLogBatchFile.class)
                .setParameter(1, batch).getResultList();
    }

    InstallerLogBatchFile batchFile(long id) {
        return em.find(InstallerLogBatchFile.class, id);
    }
}
