package dev.allowlist.portal.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Every query of a customer's installer-log uploads. */
@ApplicationScoped
class InstallerLogRepository {

    @Inject
    EntityManager em;

    /** An earlier upload of the same file (by its SHA-256): a repeat counts, it is not stored again. */
    Optional<InstallerLogUpload> sameFile(Customer customer, String sha256) {
        return em.createQuery("from InstallerLogUpload where customer = ?1 and sha256 = ?2", InstallerLogUpload.class)
                .setParameter(1, customer).setParameter(2, sha256).getResultStream().findFirst();
    }

    Optional<InstallerLogUpload> find(long customerId, long uploadId) {
        return em.createQuery("from InstallerLogUpload where id = ?1 and customer.id = ?2", InstallerLogUpload.class)
                .setParameter(1, uploadId).setParameter(2, customerId).getResultStream().findFirst();
    }

    /** The customer's latest uploads, detached (read-only); native SQL naming the partner. */
    @SuppressWarnings("unchecked")
    List<InstallerLogUpload> latest(String partnerId, long customerId, int limit) {
        List<InstallerLogUpload> latest = em.createNativeQuery("SELECT * FROM installer_log_upload "
                + "WHERE partner_id = ?1 AND customer_id = ?2 ORDER BY last_uploaded_at DESC LIMIT ?3",
                InstallerLogUpload.class).setParameter(1, partnerId).setParameter(2, customerId).setParameter(3, limit)
                .getResultList();
        latest.forEach(em::detach);
        return List.copyOf(latest);
    }
}
