package dev.allowlist.portal.catalog.core;

import java.util.List;

/**
 * One allowlist item of the catalog.
 *
 * @param alternativeOf for a WILDCARD rule: the explicit rules the vendor says it may replace
 * @param narrows       the id of the rule this one may replace when the customer's region is known
 *                      and the profile asks for it ({@code narrowHydra}); null otherwise
 * @param region        the region this rule is bound to; null when it applies to every region
 * @param withoutWildcard advice shown when the value needs a {@code *} but the proxy has no wildcards
 */
public record Rule(
        String id,
        String section,
        String value,
        Owner owner,
        RuleForm form,
        List<String> alternativeOf,
        String narrows,
        String region,
        List<Integer> ports,
        Condition condition,
        LocalizedText note,
        LocalizedText withoutWildcard) {
}
