package dev.allowlist.portal.catalog.core;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** When a section or rule applies, in terms of the customer's effective licenses and profile options. */
public sealed interface Condition {

    boolean holds(Set<License> licenses, Set<ProfileOption> options);

    /** Human-readable form, e.g. {@code MTR and (tlsInspection or applicationFiltering)}. */
    String describe();

    Condition ALWAYS = new Always();

    record Always() implements Condition {
        public boolean holds(Set<License> licenses, Set<ProfileOption> options) {
            return true;
        }

        public String describe() {
            return "always";
        }
    }

    record HasLicense(License license) implements Condition {
        public boolean holds(Set<License> licenses, Set<ProfileOption> options) {
            return licenses.contains(license);
        }

        public String describe() {
            return license.name();
        }
    }

    record HasOption(ProfileOption option) implements Condition {
        public boolean holds(Set<License> licenses, Set<ProfileOption> options) {
            return options.contains(option);
        }

        public String describe() {
            return option.jsonName();
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        public boolean holds(Set<License> licenses, Set<ProfileOption> options) {
            return conditions.stream().anyMatch(c -> c.holds(licenses, options));
        }

        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        public boolean holds(Set<License> licenses, Set<ProfileOption> options) {
            return conditions.stream().allMatch(c -> c.holds(licenses, options));
        }

        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }
}
