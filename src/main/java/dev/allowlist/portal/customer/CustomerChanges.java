package dev.allowlist.portal.customer;

/**
 * What follows a change to a customer, in the changing transaction: its allowlist generated again and
 * versioned when the list changed, and what is cached of it dropped. The allowlist feature implements
 * it; the customer feature names only this, so the dependency runs one way (allowlist on customer).
 */
public interface CustomerChanges {

    /** The new customer's first allowlist version. */
    void created(Customer customer, String cause);

    /** A new allowlist version, if the customer's profile or hosts changed the list. */
    void changed(Customer customer, String cause);

    /** {@link #changed(Customer, String)}, with what the cause changed in the change report's words ("+EDR regions"). */
    void changed(Customer customer, String cause, String causeDetail);

    /** Drops what is cached of the customer before it changes, so that this instance reads its own write. */
    void forget(long customerId);
}
