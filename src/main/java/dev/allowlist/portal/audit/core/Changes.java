package dev.allowlist.portal.audit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The before/after of the fields a change touched, for an audit event's details. */
public final class Changes {

    private Changes() {
    }

    /** {@code {"before": {field: old...}, "after": {field: new...}}} with only the fields that differ. */
    public static Map<String, Object> between(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                oldValues.put(field, before.get(field));
                newValues.put(field, after.get(field));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", oldValues);
        details.put("after", newValues);
        return details;
    }

    public static Map<String, Object> created(Map<String, ?> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", Map.of());
        details.put("after", after);
        return details;
    }

    public static Map<String, Object> deleted(Map<String, ?> before) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", Map.of());
        return details;
    }

    public static boolean isEmpty(Map<String, Object> changes) {
        return ((Map<?, ?>) changes.get("after")).isEmpty();
    }
}
