package dev.allowlist.portal.allowlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.web.InvalidInputException;
import io.quarkus.panache.common.Sort;
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
        member.requireCustomerReader();
        List<AllowlistVersion> all = versions.all(customerId); // newest first
        int latest = all.isEmpty() ? 0 : all.get(0).number;
        int target = to == null ? latest : to;
        int base = from == null ? applied(customerId) : from;
        if (base < 0 || target < 0 || target > latest || base > latest) {
            throw InvalidInputException.of("version", "error.versionRange", latest);
        }
        List<String> causes = new ArrayList<>();
        AllowlistVersion start = null;
        AllowlistVersion end = null;
        for (AllowlistVersion v : all) {
            if (v.number == base) {
                start = v;
            }
            if (v.number == target) {
                end = v;
            }
            if (v.number > Math.min(base, target) && v.number <= Math.max(base, target)) {
                causes.add(0, "v" + v.number + ": " + v.cause + " (" + v.actor + ", " + v.createdAt.toLocalDate() + ")");
            }
        }
        return ChangeReport.between(base, entries(start), target, entries(end), causes);
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
        int latest = versions.latest(customerId).map(v -> v.number).orElse(0);
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
        audit.record(AuditService.Operation.UPDATE, "applied-version", customerId, customerId,
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

    private List<AllowlistEntry> entries(AllowlistVersion version) {
        if (version == null) {
            return List.of();
        }
        try {
            return json.readValue(version.entries, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored version unreadable", e);
        }
    }
}
