package dev.allowlist.portal.customer;

import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.system.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the customer list shows: a name search, filters by region, license, firewall product and state,
 * and an order. Every value is checked here: an unknown one is a 400 with its field named, never a
 * fragment of SQL (the query binds each value, and picks its ORDER BY from {@link Sort}).
 *
 * @param region a data region code, '' for any
 * @param license a license name, '' for any
 * @param product a firewall product's name, '' for any
 */
public record CustomerFilter(String search, String region, String license, String product, State state, Sort sort) {

    /** Where a customer's firewall stands (from allowlist_state). */
    public enum State {
        ANY(""), PENDING("pending"), NEVER_APPLIED("never-applied"), UP_TO_DATE("up-to-date"), WARNINGS("warnings");

        final String id;

        State(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The list's orders: by name, by the oldest unapplied change first, by the newest change first. */
    public enum Sort {
        NAME("name", "sort_name, id"),
        PENDING("pending", "pending_since ASC NULLS LAST, sort_name, id"),
        CHANGED("changed", "changed_at DESC NULLS LAST, id DESC");

        final String id;
        final String orderBy;

        Sort(String id, String orderBy) {
            this.id = id;
            this.orderBy = orderBy;
        }

        public String id() {
            return id;
        }
    }

    public static final CustomerFilter ALL = new CustomerFilter("", "", "", "", State.ANY, Sort.NAME);

    public static CustomerFilter of(String search, String region, String license, String product, String state, String sort) {
        String term = blank(search);
        String regionCode = blank(region).toLowerCase(Locale.ROOT);
        if (!regionCode.matches("[a-z0-9-]{0,40}")) {
            throw InvalidInputException.of("region", "error.filter", regionCode);
        }
        String licenseName = blank(license).toUpperCase(Locale.ROOT);
        if (!licenseName.isEmpty() && Arrays.stream(License.values()).noneMatch(l -> l.name().equals(licenseName))) {
            throw InvalidInputException.of("license", "error.filter", licenseName);
        }
        String productName = blank(product);
        if (!productName.isEmpty() && FirewallProduct.parse(productName).isEmpty()) {
            throw InvalidInputException.of("product", "error.filter", productName);
        }
        State stateValue = Arrays.stream(State.values()).filter(s -> s.id.equals(blank(state))).findFirst()
                .orElseThrow(() -> InvalidInputException.of("state", "error.filter", blank(state)));
        Sort sortValue = blank(sort).isEmpty() ? Sort.NAME : Arrays.stream(Sort.values()).filter(s -> s.id.equals(blank(sort)))
                .findFirst().orElseThrow(() -> InvalidInputException.of("sort", "error.filter", blank(sort)));
        return new CustomerFilter(term, regionCode, licenseName, productName, stateValue, sortValue);
    }

    /** Whether anything narrows the list (an empty list then says "no match", not "no customers yet"). */
    public boolean narrowed() {
        return !search.isEmpty() || !region.isEmpty() || !license.isEmpty() || !product.isEmpty() || state != State.ANY;
    }

    /** Whether only a name search narrows the list. */
    public boolean onlySearch() {
        return !search.isEmpty() && region.isEmpty() && license.isEmpty() && product.isEmpty() && state == State.ANY;
    }

    /** The same filter in another order (a column heading's link). */
    public CustomerFilter sortedBy(String sortId) {
        return new CustomerFilter(search, region, license, product, state,
                Arrays.stream(Sort.values()).filter(s -> s.id.equals(sortId)).findFirst().orElse(Sort.NAME));
    }

    /** The query string of this filter (without the page), for links that keep it. */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "q", search);
        append(query, "region", region);
        append(query, "license", license);
        append(query, "product", product);
        append(query, "state", state.id);
        append(query, "sort", sort == Sort.NAME ? "" : sort.id);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
