package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A customer's change, as the allowlist feature follows it: a version when the list changed, a fresh snapshot. */
@ApplicationScoped
class AllowlistsFollowCustomers implements CustomerChanges {

    @Inject
    AllowlistVersions versions;

    @Inject
    CurrentAllowlists current;

    @Override
    public void created(Customer customer, String cause) {
        versions.recordFirst(customer, cause);
    }

    @Override
    public void changed(Customer customer, String cause) {
        versions.recordIfChanged(customer, cause, null);
    }

    @Override
    public void changed(Customer customer, String cause, String causeDetail) {
        versions.recordIfChanged(customer, cause, causeDetail);
    }

    @Override
    public void forget(long customerId) {
        current.changed(customerId);
    }
}
