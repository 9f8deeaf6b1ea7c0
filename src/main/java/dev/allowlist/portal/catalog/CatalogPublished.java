package dev.allowlist.portal.catalog;

/**
 * A catalog publication is through one partner's customers: how many of them got a new version. One
 * event per partner and publication, not one per customer it changed.
 */
public record CatalogPublished(String partnerId, long publicationId, String catalogVersion, int customersChanged) {
}
