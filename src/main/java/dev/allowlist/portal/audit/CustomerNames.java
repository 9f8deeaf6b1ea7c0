package dev.allowlist.portal.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The names of the member's customers, for the history's rows and its customer picker. The customer
 * feature implements it (the audit feature names no other feature: the dependency points the other way).
 * A deleted customer has no name: its events keep showing its id.
 */
public interface CustomerNames {

    /** A customer the picker offers. */
    record Named(long id, String name) {
    }

    /** The names of those of these ids that are the member's current customers. */
    Map<Long, String> of(Collection<Long> ids);

    /** Every customer of the member's partner, by name; empty when there are more than {@code max}. */
    List<Named> all(int max);
}
