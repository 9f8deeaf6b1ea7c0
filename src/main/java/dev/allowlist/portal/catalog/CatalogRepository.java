package dev.allowlist.portal.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Every query of the stored catalog versions (the platform's table: no tenant). */
@ApplicationScoped
class CatalogRepository implements PanacheRepositoryBase<CatalogVersion, String> {

    Optional<CatalogVersion> byContentHash(String hash) {
        return find("contentHash", hash).firstResultOptional();
    }

    Optional<CatalogVersion> current() {
        return find("current", true).firstResultOptional();
    }

    /**
     * Makes one version current (none when {@code id} is null). Two statements, the old one cleared
     * first: at most one version may be current at any moment (a unique index).
     */
    void makeCurrent(String id) {
        if (id == null) {
            update("current = false where current = true");
            return;
        }
        update("current = false where current = true and id <> ?1", id);
        update("current = true where id = ?1 and current = false", id);
    }

    List<CatalogVersion> newestFirst() {
        return listAll(Sort.descending("loadedAt"));
    }
}
