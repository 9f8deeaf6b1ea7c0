package dev.allowlist.portal.audit.core;

import dev.allowlist.portal.Sha256;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Optional;

/**
 * The audit hash chain, in plain Java: each event's hash covers its content and the previous
 * event's hash, so that changing or removing any event breaks every link after it.
 */
public final class HashChain {

    /** The "previous hash" of a chain's first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** What is hashed of an event: every stored field but the hashes themselves. */
    public record Content(long id, String partnerId, Instant occurredAt, String actorSubject, String actorName,
            String client, String ipAddress, String operation, String resourceType, String resourceId,
            String resourcePath, Long customerId, String summary, String details) {
    }

    public record Link(Content content, String prevHash, String hash) {
    }

    /** The first link that does not hold, or empty when the chain is intact. */
    public record Broken(long eventId, Instant occurredAt, String problem) {
    }

    public static String hash(String prevHash, Content c) {
        StringBuilder canonical = new StringBuilder(256).append(prevHash);
        for (Object field : new Object[] { c.id(), c.partnerId(), DateTimeFormatter.ISO_INSTANT.format(c.occurredAt()),
                c.actorSubject(), c.actorName(), c.client(), c.ipAddress(), c.operation(), c.resourceType(),
                c.resourceId(), c.resourcePath(), c.customerId(), c.summary(), c.details() }) {
            // unit separator between fields; a null is distinct from an empty string
            canonical.append('\u001f').append(field == null ? "\u2400" : field.toString());
        }
        return Sha256.hex(canonical.toString());
    }

    /**
     * Walks a chain in id order: each event must name its predecessor's hash and hash to what it
     * says; the last one must be the head the chain table records.
     */
    public static Optional<Broken> verify(Iterator<Link> links, String headHash, long headCount) {
        String expectedPrev = GENESIS;
        long count = 0;
        Link last = null;
        while (links.hasNext()) {
            Link link = links.next();
            count++;
            if (!link.prevHash().equals(expectedPrev)) {
                return Optional.of(new Broken(link.content().id(), link.content().occurredAt(),
                        "does not follow the event before it (an event was changed or removed before it)"));
            }
            if (!hash(link.prevHash(), link.content()).equals(link.hash())) {
                return Optional.of(new Broken(link.content().id(), link.content().occurredAt(),
                        "its content does not match its hash (the event was changed)"));
            }
            expectedPrev = link.hash();
            last = link;
        }
        if (headHash != null && (!headHash.equals(expectedPrev) || headCount != count)) {
            return Optional.of(new Broken(last == null ? 0 : last.content().id(),
                    last == null ? null : last.content().occurredAt(),
                    "the chain ends before its recorded head (events were removed at the end)"));
        }
        return Optional.empty();
    }
}
