package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.allowlist.core.AllowlistEntry;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.system.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Change reports between a customer's allowlist versions, the applied version, and the partner-wide
 * report of a period. The customer must already have been found by the caller (tenant-checked).
 */
@ApplicationScoped
public class ChangeReports {

    private static final TypeReference<List<AllowlistEntry>> ENTRIES = new TypeReference<>() { };

    /** A customer whose allowlist changed in a period, with the report over that period. */
    /**
     * A customer whose allowlist changed in a period, with the report over that period, and what its
     * firewall still has to do: the adds and removes from the applied version to the period's last.
     */
    public record CustomerChanges(long customerId, String name, ChangeReport report, int applied, int toAdd, int toRemove) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean pending() {
            return toAdd + toRemove > 0;
        }
    }

    /** A version as the change report's pickers and causes show it. */
    public record Version(int number, String cause, String causeDetail, String actor, OffsetDateTime createdAt) {
    }

    /** Every version of a customer the caller may read, newest first, without content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> versions(long customerId) {
        return repository.headers(customerId).stream().map(h -> new Version(h.number(), h.cause(), h.causeDetail(), h.actor(), h.createdAt()))
                .toList();
    }

    @Inject
    AllowlistRepository repository;

    @Inject
    AllowlistVersions versions;

    @Inject
    CurrentMember member;

    @Inject
    ObjectMapper json;

    @Inject
    AuditService audit;

    /** The report from version {@code from} (0: nothing) to {@code to} of a customer the caller may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangeReport report(long customerId, Integer from, Integer to) {
        return report(customerId, from, to, from == null ? applied(customerId) : from);
    }

    /** The same, with the applied version already known (the customer page has it from its snapshot). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangeReport report(long customerId, Integer from, Integer to, int applied) {
        // what every version says of itself, without content; the content of the two compared only
        List<AllowlistRepository.Header> all = repository.headers(customerId);
        int latest = all.isEmpty() ? 0 : all.get(0).number();
        int target = to == null ? latest : to;
        int base = from == null ? applied : from;
        if (base < 0 || target < 0 || target > latest || base > latest) {
            throw InvalidInputException.of("version", "error.versionRange", latest);
        }
        List<String> causes = new ArrayList<>();
        for (AllowlistRepository.Header v : all) {
            int number = v.number();
            if (number > Math.min(base, target) && number <= Math.max(base, target)) {
                causes.add(0, "v" + number + ": " + v.cause() + (v.causeDetail() == null ? "" : " " + v.causeDetail()) + " (" + v.actor() + ", " + v.createdAt().toLocalDate() + ")");
            }
        }
        Map<Integer, String> contents = repository.contents(customerId, base, target);
        return ChangeReport.between(base, entries(contents.get(base)), target, entries(contents.get(target)), causes);
    }

    /** The version recorded as applied on the firewall, 0 when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int applied(long customerId) {
        return repository.applied(customerId);
    }

    @Transactional
    public void markApplied(long customerId, int number) {
        int latest = versions.latestNumber(customerId);
        if (number < 1 || number > latest) {
            throw InvalidInputException.of("version", "error.versionRange", latest);
        }
        int before = applied(customerId);
        AppliedVersion applied = new AppliedVersion();
        applied.customerId = customerId;
        applied.number = number;
        applied.appliedBy = member.displayName();
        applied.appliedAt = OffsetDateTime.now();
        applied.persist();
        audit.record(AuditService.Operation.UPDATE, ResourceType.APPLIED_VERSION, customerId, customerId,
                "Version " + number + " marked as applied", Map.of("before", Map.of("appliedVersion", before),
                        "after", Map.of("appliedVersion", number)));
    }

    /**
     * Each chosen customer's newest version marked applied, all or none (one transaction). The caller has
     * found every customer (tenant-checked); a customer already up to date is left as it is.
     *
     * @return how many customers were marked
     */
    @Transactional
    public int markNewestApplied(List<Long> customerIds) {
        int marked = 0;
        for (long customerId : customerIds.stream().distinct().toList()) {
            int latest = versions.latestNumber(customerId);
            if (latest > applied(customerId)) {
                markApplied(customerId, latest);
                marked++;
            }
        }
        return marked;
    }

    /** Every customer whose allowlist changed in the period (whole days, UTC), with what changed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerChanges> period(LocalDate from, LocalDate to, Map<Long, String> names) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<CustomerChanges> changes = new ArrayList<>();
        for (AllowlistRepository.Changed row : repository.changedBetween(start, end)) {
            long customerId = row.customerId();
            ChangeReport report = report(customerId, row.first() - 1, row.last());
            if (report.size() > 0) {
                int applied = applied(customerId);
                ChangeReport pending = applied >= row.last() ? null
                        : applied == row.first() - 1 ? report : report(customerId, applied, row.last());
                changes.add(new CustomerChanges(customerId, names.getOrDefault(customerId, "#" + customerId), report, applied,
                        pending == null ? 0 : pending.added().size(), pending == null ? 0 : pending.removed().size()));
            }
        }
        return changes;
    }

    private List<AllowlistEntry> entries(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored version unreadable", e);
        }
    }
}
