package dev.allowlist.portal.customer;

/** An edit based on a version someone else has changed since: answered 409, never a silent overwrite. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException() {
        super("This customer was changed by someone else since you opened it. Reload it and apply your change again.");
    }
}
