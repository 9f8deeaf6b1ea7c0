package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.ResourceType;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
    public record CustomerChanges(long customerId, String name, ChangeReport report) {
    }

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
        member.requireCustomerReader();
        // what every version says of itself, without content; the content of the two compared only
        List<Object[]> all = AllowlistVersion.getEntityManager().createQuery("select v.number, v.cause, v.actor, v.createdAt "
                + "from AllowlistVersion v where v.customerId = ?1 order by v.number desc", Object[].class)
                .setParameter(1, customerId).getResultList();
        int latest = all.isEmpty() ? 0 : (Integer) all.get(0)[0];
        int target = to == null ? latest : to;
        int base = from == null ? applied : from;
        if (base < 0 || target < 0 || target > latest || base > latest) {
            throw InvalidInputException.of("version", "error.versionRange", latest);
        }
        List<String> causes = new ArrayList<>();
        for (Object[] v : all) {
            int number = (Integer) v[0];
            if (number > Math.min(base, target) && number <= Math.max(base, target)) {
                causes.add(0, "v" + number + ": " + v[1] + " (" + v[2] + ", " + ((OffsetDateTime) v[3]).toLocalDate() + ")");
            }
        }
        Map<Integer, String> contents = new HashMap<>();
        AllowlistVersion.getEntityManager().createQuery("select v.number, v.entries from AllowlistVersion v "
                + "where v.customerId = ?1 and v.number in (?2, ?3)", Object[].class).setParameter(1, customerId)
                .setParameter(2, base).setParameter(3, target).getResultList()
                .forEach(row -> contents.put((Integer) row[0], (String) row[1]));
        return ChangeReport.between(base, entries(contents.get(base)), target, entries(contents.get(target)), causes);
    }

    /** The version recorded as applied on the firewall, 0 when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int applied(long customerId) {
        return AppliedVersion.<AppliedVersion>find("customerId", Sort.descending("id"), customerId).firstResultOptional()
                .map(a -> a.number).orElse(0);
    }

    @Transactional
    public void markApplied(long customerId, int number) {
        member.requireCustomerEditor();
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

    /** Every customer whose allowlist changed in the period (whole days, UTC), with what changed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerChanges> period(LocalDate from, LocalDate to, Map<Long, String> names) {
        member.requireCustomerReader();
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<Object[]> rows = AllowlistVersion.getEntityManager().createQuery(
                "select v.customerId, min(v.number), max(v.number) from AllowlistVersion v "
                        + "where v.createdAt >= :start and v.createdAt < :end group by v.customerId order by v.customerId",
                Object[].class).setParameter("start", start).setParameter("end", end).getResultList();
        List<CustomerChanges> changes = new ArrayList<>();
        for (Object[] row : rows) {
            long customerId = (Long) row[0];
            ChangeReport report = report(customerId, (Integer) row[1] - 1, (Integer) row[2]);
            if (report.size() > 0) {
                changes.add(new CustomerChanges(customerId, names.getOrDefault(customerId, "#" + customerId), report));
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
