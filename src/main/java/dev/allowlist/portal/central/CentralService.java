package dev.allowlist.portal.central;

import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.central.core.CentralMapping;
import dev.allowlist.portal.central.core.CentralMapping.LicenseProduct;
import dev.allowlist.portal.central.core.SealedSecrets;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.core.CentralProfile;
import dev.allowlist.portal.customer.core.CustomerInput;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A partner's Sophos Central connection: connecting (the credential checked with Sophos Central and
 * sealed), the settings, disconnecting, and what the tenants the sync read would change — previewed,
 * then applied through the customer service in one transaction (docs/sophos-central.md).
 */
@ApplicationScoped
public class CentralService {

    static final int CLIENT_ID_MAX = 200;
    static final int SECRET_MAX = 500;

    public enum Action { CREATE, UPDATE, UNCHANGED, SKIPPED, REMOVED }

    /**
     * What applying would do with one tenant: the customer it creates or updates, the licenses it gives,
     * the change of the licenses Sophos Central decides ("+EDR -MTR"), the regions (and whether they change), the products that give
     * no license, and why a tenant is skipped.
     */
    public record Row(String tenantId, String tenantName, String geography, Action action, Long customerId,
            String customerName, List<String> licenses, String licenseChange, List<String> regions, boolean regionsChanged,
            boolean linking, List<String> unmapped, String skipReason, String readError) {
    }

    public record Preview(List<Row> rows, int creates, int updates, int unchanged, int skipped, int removed,
            String fingerprint, boolean firstSync) {

        public int changes() {
            return creates + updates;
        }
    }

    public record Applied(int created, int updated, int unchanged, int skipped) {
    }

    /** The connection as its page shows it: never the secret. */
    public record View(String clientId, String centralPartnerId, boolean autoApply, String connectedBy,
            OffsetDateTime connectedAt, OffsetDateTime firstAppliedAt, CentralConnection.Status status, Integer statusCount,
            OffsetDateTime statusAt, OffsetDateTime retryAfter, Integer resumePage, boolean running,
            OffsetDateTime lastFinishedAt, int tenants, int removed) {

        public boolean mayApplyAutomatically() {
            return firstAppliedAt != null;
        }
    }

    /** The tenants changed since the preview the member saw: applying now would do something else. */
    public static class PlanChanged extends RuntimeException {
        public PlanChanged() {
            super("the plan changed since its preview", null, false, false);
        }
    }

    @Inject
    CentralRepository repository;

    @Inject
    CentralClient client;

    @Inject
    CentralSecrets secrets;

    @Inject
    CustomerService customers;

    @Inject
    AuditService audit;

    @Inject
    CurrentMember member;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<View> view() {
        return repository.connection().map(c -> {
            boolean running = c.leaseUntil != null && c.leaseUntil.isAfter(OffsetDateTime.now());
            long[] counts = repository.countTenants();
            return new View(c.clientId, c.centralPartnerId, c.autoApply, c.connectedBy, c.connectedAt, c.firstAppliedAt,
                    c.state(), c.statusCount, c.statusAt, c.retryAfter, c.resumePage, running, c.lastFinishedAt,
                    (int) counts[0], (int) counts[1]);
        });
    }

    /** When the tenant a customer is linked to was found gone from Sophos Central; empty while it is there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OffsetDateTime> removedAt(String tenantId) {
        return repository.tenant(tenantId).map(t -> t.removedAt);
    }

    /**
     * Connects (or reconnects) the member's partner: a token for the credential, {@code whoami} must name a
     * partner, and the secret is sealed. The checks talk to Sophos Central before any transaction starts;
     * what they refuse is a field error, and nothing is saved.
     */
    public void connect(String clientId, String secret) {
        String id = clientId == null ? "" : clientId.strip();
        String key = secret == null ? "" : secret.strip();
        InvalidInputException.Builder errors = InvalidInputException.builder();
        if (id.isEmpty()) {
            errors.add("clientId", "error.required");
        } else if (id.length() > CLIENT_ID_MAX) {
            errors.add("clientId", "error.tooLong", CLIENT_ID_MAX);
        } else if (InvalidInputException.hasControlCharacters(id, false)) {
            errors.add("clientId", "error.controlCharacters");
        }
        if (key.isEmpty()) {
            errors.add("clientSecret", "error.required");
        } else if (key.length() > SECRET_MAX) {
            errors.add("clientSecret", "error.tooLong", SECRET_MAX);
        }
        errors.throwIfAny();
        SealedSecrets box = secrets.secrets().orElseThrow(() -> InvalidInputException.of("clientSecret", "central.error.noKey"));
        CentralClient.WhoAmI who;
        try {
            who = client.whoami(client.token(id, key));
        } catch (CentralFault e) {
            throw InvalidInputException.of("clientSecret", switch (e.kind()) {
                case REFUSED -> "central.error.refused";
                case RATE_LIMITED -> "central.error.rateLimited";
                case UNREACHABLE -> "central.error.unreachable";
                case FAILED -> "central.error.failed";
            });
        }
        if (!"partner".equals(who.idType()) || who.id().isBlank()) {
            throw InvalidInputException.of("clientId", "central.error.notPartner", who.idType());
        }
        String sealed = box.seal(key);
        QuarkusTransaction.joiningExisting().run(() -> store(id, sealed, who.id()));
    }

    private void store(String clientId, String sealed, String centralPartnerId) {
        Optional<CentralConnection> existing = repository.connectionForChange();
        CentralConnection c = existing.orElseGet(CentralConnection::new);
        Map<String, Object> before = existing.map(CentralService::audited).orElse(null);
        if (existing.isPresent() && !existing.get().centralPartnerId.equals(centralPartnerId)) {
            // another Sophos Central account: what was read of the first one is not this one's
            repository.tenants().forEach(CentralTenant::delete);
            c.firstAppliedAt = null;
            c.autoApply = false;
        }
        c.clientId = clientId;
        c.secretSealed = sealed;
        c.centralPartnerId = centralPartnerId;
        c.connectedBy = member.displayName();
        c.connectedAt = OffsetDateTime.now();
        c.status = CentralConnection.Status.CONNECTED.stored();
        c.statusCount = null;
        c.statusAt = c.connectedAt;
        c.retryAfter = null;
        c.resumePage = null;
        if (existing.isEmpty()) {
            c.persist();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", before);
        }
        details.put("after", audited(c));
        audit.record(existing.isPresent() ? AuditService.Operation.UPDATE : AuditService.Operation.CREATE,
                ResourceType.CENTRAL_CONNECTION, c.id, null, "Sophos Central connected: client " + clientId
                        + ", partner " + centralPartnerId + " (the secret is sealed, not recorded)", details);
    }

    /** What the audit history records of a connection: never the secret, sealed or not. */
    private static Map<String, Object> audited(CentralConnection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", c.clientId);
        m.put("centralPartnerId", c.centralPartnerId);
        m.put("autoApply", c.autoApply);
        return m;
    }

    /** Deletes the credential and what the sync read; the customers stay, linked to their tenants. */
    @Transactional
    public void disconnect() {
        CentralConnection c = repository.connectionForChange().orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Map<String, Object> before = audited(c);
        long id = c.id;
        repository.forgetAll();
        audit.record(AuditService.Operation.DELETE, ResourceType.CENTRAL_CONNECTION, id, null,
                "Sophos Central disconnected: client " + before.get("clientId") + " (its secret deleted)",
                Map.of("before", before));
    }

    /** Whether later syncs apply themselves; only after a first sync was previewed and applied by a person. */
    @Transactional
    public void setAutoApply(boolean autoApply) {
        CentralConnection c = repository.connectionForChange().orElseThrow(jakarta.ws.rs.NotFoundException::new);
        if (autoApply && c.firstAppliedAt == null) {
            throw InvalidInputException.of("autoApply", "central.error.firstPreview");
        }
        if (c.autoApply == autoApply) {
            return;
        }
        Map<String, Object> before = audited(c);
        c.autoApply = autoApply;
        audit.record(AuditService.Operation.UPDATE, ResourceType.CENTRAL_CONNECTION, c.id, null,
                "Sophos Central sync " + (autoApply ? "applies automatically" : "waits for a person to apply it"),
                Map.of("before", before, "after", audited(c)));
    }

    // --- the plan

    /** What applying the tenants read would do now; saves nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview() {
        CentralConnection c = repository.connection().orElseThrow(jakarta.ws.rs.NotFoundException::new);
        return plan(c);
    }

    private Preview plan(CentralConnection connection) {
        List<Customer> all = customers.allById();
        Map<String, Customer> linked = new HashMap<>();
        Map<String, List<Customer>> byName = new HashMap<>();
        for (Customer customer : all) {
            if (customer.centralTenantId != null) {
                linked.put(customer.centralTenantId, customer);
            } else {
                byName.computeIfAbsent(customer.name, k -> new ArrayList<>()).add(customer);
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Row> rows = new ArrayList<>();
        for (CentralTenant t : repository.tenants()) {
            Customer customer = linked.get(t.tenantId);
            boolean linking = false;
            String skip = null;
            if (customer == null) {
                List<Customer> named = byName.getOrDefault(t.name.strip(), List.of());
                if (named.size() == 1) {
                    customer = named.get(0);
                    linking = true;
                } else if (named.size() > 1) {
                    skip = "ambiguousName";
                }
            }
            CentralMapping.Licenses mapped = CentralMapping.licenses(products(t), today);
            if (t.removedAt != null) {
                rows.add(row(t, Action.REMOVED, customer, List.of(), "", List.of(), false, false, mapped.unmapped(), null));
                continue;
            }
            if (t.readError != null || t.licensesReadAt == null) {
                skip = "licensesNotRead";
            }
            if (skip != null) {
                rows.add(row(t, Action.SKIPPED, customer, List.of(), "", List.of(), false, false, mapped.unmapped(), skip));
                continue;
            }
            Set<License> current = customer == null ? EnumSet.noneOf(License.class)
                    : customer.licenses.stream().map(l -> l.license).collect(Collectors.toCollection(() -> EnumSet.noneOf(License.class)));
            current.remove(License.CENTRAL);
            Set<License> after = CentralMapping.merged(current, mapped.licenses());
            List<String> regionsBefore = customer == null ? List.of() : List.of(customer.regions);
            List<String> regions = CentralMapping.regions(t.dataGeography, regionsBefore,
                    customer == null ? List.of() : customer.mcsHosts.stream().map(h -> h.value).toList());
            boolean regionsChanged = customer != null && !regions.equals(regionsBefore);
            String change = CentralMapping.detail(current, after, false);
            Action action = customer == null ? Action.CREATE
                    : change.isEmpty() && !regionsChanged && !linking ? Action.UNCHANGED : Action.UPDATE;
            if (action == Action.CREATE) {
                try { // a name the portal does not accept (too long, control characters) skips the tenant, not the apply
                    customers.validateOnly(new CustomerInput(t.name, null, null, regions,
                            after.stream().map(Enum::name).toList(), false, false, false, false, false, null, null));
                } catch (InvalidInputException e) {
                    rows.add(row(t, Action.SKIPPED, null, List.of(), "", List.of(), false, false, mapped.unmapped(), "invalid"));
                    continue;
                }
            }
            rows.add(row(t, action, customer, after.stream().map(Enum::name).toList(), customer == null ? "" : change, regions,
                    regionsChanged, linking,
                    mapped.unmapped(), null));
        }
        int creates = count(rows, Action.CREATE);
        int updates = count(rows, Action.UPDATE);
        String fingerprint = Sha256.hex(rows.stream().filter(r -> r.action() == Action.CREATE || r.action() == Action.UPDATE)
                .map(r -> r.tenantId() + "|" + r.action() + "|" + r.customerId() + "|" + r.licenses() + "|" + r.regions())
                .collect(Collectors.joining("\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Preview(rows, creates, updates, count(rows, Action.UNCHANGED), count(rows, Action.SKIPPED),
                count(rows, Action.REMOVED), fingerprint, connection.firstAppliedAt == null);
    }

    private static Row row(CentralTenant t, Action action, Customer customer, List<String> licenses, String change,
            List<String> regions, boolean regionsChanged, boolean linking, List<String> unmapped, String skip) {
        return new Row(t.tenantId, t.name, t.dataGeography, action, customer == null ? null : customer.id,
                customer == null ? null : customer.name, licenses, change, regions, regionsChanged, linking, unmapped, skip,
                t.readError);
    }

    private static int count(List<Row> rows, Action action) {
        return (int) rows.stream().filter(r -> r.action() == action).count();
    }

    /** The products as the tenant row stores them: "code|name|end date". */
    static List<LicenseProduct> products(CentralTenant t) {
        return Arrays.stream(t.products).map(p -> {
            String[] f = p.split("\\|", -1);
            LocalDate end = f.length > 2 && !f[2].isEmpty() ? LocalDate.parse(f[2]) : null;
            return new LicenseProduct(f[0].isEmpty() ? null : f[0], f.length > 1 && !f[1].isEmpty() ? f[1] : null, end);
        }).toList();
    }

    static String stored(LicenseProduct p) {
        return clean(p.code()) + "|" + clean(p.name()) + "|" + (p.endDate() == null ? "" : p.endDate().toString());
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('|', '/').strip();
    }

    // --- applying

    /**
     * Applies the plan in one transaction: every tenant to create or update, through the customer service
     * (validated, audited as coming from Sophos Central, versioned), and one event for the whole. With a
     * fingerprint (a person applying a preview), a plan that changed since is refused ({@link PlanChanged}).
     */
    @Transactional
    public Applied apply(String fingerprint) {
        CentralConnection c = repository.connectionForChange().orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Preview plan = plan(c);
        if (fingerprint != null && !fingerprint.equals(plan.fingerprint())) {
            throw new PlanChanged();
        }
        return audit.batched(() -> applyRows(plan));
    }

    private Applied applyRows(Preview plan) {
        int created = 0;
        int updated = 0;
        for (Row r : plan.rows()) {
            if (r.action() != Action.CREATE && r.action() != Action.UPDATE) {
                continue;
            }
            Set<License> licenses = r.licenses().stream().map(License::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(License.class)));
            customers.synchronize(r.customerId(), new CentralProfile(r.tenantId(), r.tenantName(), licenses, r.regions(),
                    r.action() == Action.CREATE ? null
                            : (r.licenseChange() + (r.regionsChanged() ? " regions" : "")).strip()));
            if (r.action() == Action.CREATE) {
                created++;
            } else {
                updated++;
            }
            // each row's entities are done with: without this, every later flush checks them all again
            em.flush();
            em.clear();
        }
        CentralConnection c = repository.connectionForChange().orElseThrow();
        if (c.firstAppliedAt == null) {
            c.firstAppliedAt = OffsetDateTime.now();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("created", created);
        details.put("updated", updated);
        details.put("unchanged", plan.unchanged());
        details.put("skipped", plan.skipped());
        details.put("removedInCentral", plan.removed());
        audit.record(AuditService.Operation.ACTION, ResourceType.CENTRAL_CONNECTION, c.id, null,
                "Sophos Central sync applied: " + created + " created, " + updated + " updated, " + plan.unchanged()
                        + " unchanged, " + plan.skipped() + " skipped, " + plan.removed() + " removed in Sophos Central",
                details);
        return new Applied(created, updated, plan.unchanged(), plan.skipped());
    }
}
