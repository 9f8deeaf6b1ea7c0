package dev.allowlist.portal.catalog.core;

/** A Sophos Central region that the vendor page names for region-bound rules. */
public record Region(String code, LocalizedText name) {
}
