package dev.allowlist.portal.allowlist;

/**
 * A customer's allowlist got a new version. Fired inside the transaction that recorded it, so that
 * whoever listens (the notifications' outbox) writes in that same transaction.
 *
 * @param entries how many entries the new version has
 */
public record VersionRecorded(String partnerId, long customerId, String customerName, int version, String cause,
        String catalogVersion, int entries) {
}
