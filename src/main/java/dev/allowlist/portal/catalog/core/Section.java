package dev.allowlist.portal.catalog.core;

/** A section of the vendor page, with the condition under which its rules apply. */
public record Section(String id, LocalizedText title, Condition condition) {
}
