package dev.allowlist.portal.catalog.core;

/**
 * When a rule applies: EXPLICIT rules are listed in both modes (a wildcard may later replace them),
 * WILDCARD rules only for proxies that support wildcards.
 */
public enum RuleForm {
    EXPLICIT, WILDCARD
}
