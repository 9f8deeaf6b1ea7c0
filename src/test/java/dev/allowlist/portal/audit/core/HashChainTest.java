package dev.allowlist.portal.audit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

    static List<HashChain.Link> chain(int n) {
        List<HashChain.Link> links = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            HashChain.Content c = new HashChain.Content(i, "acme", Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i),
                    "alice", "Alice", "web", "127.0.0.1", "UPDATE", "customer", "7", "/customers/7", 7L, "changed " + i,
                    "{\"before\":{},\"after\":{}}");
            String hash = HashChain.hash(prev, c);
            links.add(new HashChain.Link(c, prev, hash));
            prev = hash;
        }
        return links;
    }

    @Test
    void anIntactChainVerifies() {
        List<HashChain.Link> links = chain(5);
        assertThat(HashChain.verify(links.iterator(), links.get(4).hash(), 5)).isEmpty();
        assertThat(HashChain.verify(List.<HashChain.Link>of().iterator(), HashChain.GENESIS, 0)).isEmpty();
    }

    @Test
    void aChangedEventIsTheFirstBrokenLink() {
        List<HashChain.Link> links = chain(5);
        HashChain.Link third = links.get(2);
        HashChain.Content c = third.content();
        links.set(2, new HashChain.Link(new HashChain.Content(c.id(), c.partnerId(), c.occurredAt(), "mallory",
                c.actorName(), c.client(), c.ipAddress(), c.operation(), c.resourceType(), c.resourceId(),
                c.resourcePath(), c.customerId(), c.summary(), c.details()), third.prevHash(), third.hash()));
        assertThat(HashChain.verify(links.iterator(), links.get(4).hash(), 5)).get()
                .extracting(HashChain.Broken::eventId).isEqualTo(3L);
    }

    @Test
    void aRemovedEventBreaksTheNextOneAndARemovedLastOneTheHead() {
        List<HashChain.Link> links = chain(5);
        String head = links.get(4).hash();
        List<HashChain.Link> withoutSecond = new ArrayList<>(links);
        withoutSecond.remove(1);
        assertThat(HashChain.verify(withoutSecond.iterator(), head, 5)).get()
                .extracting(HashChain.Broken::eventId).isEqualTo(3L);
        List<HashChain.Link> withoutLast = new ArrayList<>(links.subList(0, 4));
        assertThat(HashChain.verify(withoutLast.iterator(), head, 5)).get()
                .extracting(HashChain.Broken::problem).asString().contains("ends before its recorded head");
    }
}
