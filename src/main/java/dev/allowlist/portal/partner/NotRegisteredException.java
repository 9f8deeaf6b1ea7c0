package dev.allowlist.portal.partner;

/** A login whose partner is not registered, or that has no role: it sees the "not registered" page only. */
public class NotRegisteredException extends RuntimeException {

    public NotRegisteredException() {
        super("Your login is not registered with a partner of this portal.");
    }
}
