package dev.allowlist.portal.importing;

import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.allowlist.core.AllowlistGenerator;
import dev.allowlist.portal.allowlist.core.CustomerProfile;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.core.DataRegions;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.core.CustomerInput;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.customer.McsHost;
import dev.allowlist.portal.importing.core.CustomerTable;
import dev.allowlist.portal.importing.core.Field;
import dev.allowlist.portal.importing.core.ImportException;
import dev.allowlist.portal.importing.core.RowReader;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Onboarding a book of customers from a spreadsheet: a preview that says, row by row, what applying
 * would do (and saves nothing but the file, to apply it later), and an apply that goes through the
 * customer service exactly as the form does (validated, audited, versioned) inside one transaction
 * and one import event. A row matches an existing customer of the partner by its external reference,
 * or, without one, by its exact name; every other row creates one.
 */
@ApplicationScoped
public class CustomerImportService {

    public enum Action { CREATE, UPDATE, UNCHANGED, ERROR }

    /** A cell or a rule the row breaks: the column as the file names it, and the message. */
    public record RowError(String column, String message) {
    }

    public record RowOutcome(int row, String name, String externalReference, Action action, Long customerId,
            List<String> changed, List<RowError> errors, boolean newVersion) {

        public boolean isError() {
            return action == Action.ERROR;
        }
    }

    public record Preview(Long importId, String fileName, long size, String sha256, String format, String encoding,
            List<String> ignoredColumns, List<RowOutcome> rows, int creates, int updates, int unchanged, int errors,
            int newVersions) {

        public int valid() {
            return creates + updates + unchanged;
        }
    }

    public record Applied(Long importId, int created, int updated, int unchanged, int skipped, int newVersions) {
    }

    /** What a row will become, with the input the customer service takes. */
    private record Planned(RowOutcome outcome, CustomerInput input, List<String> newHosts) {
    }

    @Inject
    ImportRepository imports;

    @Inject
    CurrentMember member;

    @Inject
    CustomerService customers;

    @Inject
    CatalogService catalogs;

    @Inject
    AuditService audit;

    @Inject
    I18n i18n;

    @Inject
    EntityManager em;

    private volatile RowReader.Vocabulary vocabulary;

    /** What applying a file would do, saving nothing at all (the API's dryRun). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview dryRun(String fileName, byte[] content) {
        CustomerImport unsaved = new CustomerImport();
        unsaved.fileName = cleanName(fileName);
        unsaved.sizeBytes = content.length;
        unsaved.sha256 = sha256(content);
        unsaved.content = content;
        return preview(unsaved, plan(unsaved.fileName, content));
    }

    /** Stores the file and answers what applying it would do; nothing else is saved. */
    @Transactional
    public Preview preview(String fileName, byte[] content) {
        String name = cleanName(fileName);
        List<Planned> plan = plan(name, content);
        CustomerImport stored = new CustomerImport();
        stored.fileName = name;
        stored.sizeBytes = content.length;
        stored.sha256 = sha256(content);
        stored.content = content;
        stored.createdBy = member.displayName();
        stored.createdAt = OffsetDateTime.now();
        stored.persist();
        return preview(stored, plan);
    }

    /** What applying a stored file would do now (the partner's customers may have changed since). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview previewOf(long importId) {
        CustomerImport stored = find(importId);
        return preview(stored, plan(stored.fileName, stored.content));
    }

    /**
     * Applies a stored file in one transaction: every row, or with {@code validOnly} the rows without
     * an error. With an error and without {@code validOnly} nothing is saved (400, naming the rows).
     */
    @Transactional
    public Applied apply(long importId, boolean validOnly) {
        CustomerImport stored = find(importId);
        if (stored.appliedAt != null) {
            throw InvalidInputException.of("file", "error.import.applied");
        }
        List<Planned> plan = plan(stored.fileName, stored.content);
        List<RowOutcome> errors = plan.stream().map(Planned::outcome).filter(RowOutcome::isError).toList();
        if (!errors.isEmpty() && !validOnly) {
            throw InvalidInputException.of("file", "error.import.hasErrors", errors.size(),
                    String.join(", ", errors.stream().map(e -> String.valueOf(e.row())).limit(20).toList()));
        }
        return audit.batched(() -> applyRows(stored, plan, errors.size()));
    }

    private Applied applyRows(CustomerImport stored, List<Planned> plan, int skipped) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int versions = 0;
        for (Planned planned : plan) {
            RowOutcome outcome = planned.outcome();
            switch (outcome.action()) {
                case CREATE -> {
                    customers.create(planned.input(), planned.newHosts(), McsHost.Source.TYPED);
                    created++;
                }
                case UPDATE -> {
                    if (outcome.changed().stream().anyMatch(c -> !c.equals(Field.MCS_HOSTS.apiName()))) {
                        customers.update(outcome.customerId(), planned.input());
                    }
                    if (!planned.newHosts().isEmpty()) {
                        customers.addHosts(outcome.customerId(), planned.newHosts(), McsHost.Source.TYPED);
                    }
                    updated++;
                }
                case UNCHANGED -> unchanged++;
                case ERROR -> { }
            }
            if (outcome.newVersion()) {
                versions++;
            }
            if (outcome.action() != Action.UNCHANGED && outcome.action() != Action.ERROR) {
                // each row's entities are done with: without this, every later flush checks them all again
                em.flush();
                em.clear();
            }
        }
        imports.markApplied(stored.id, OffsetDateTime.now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", stored.fileName);
        details.put("sizeBytes", stored.sizeBytes);
        details.put("sha256", stored.sha256);
        details.put("created", created);
        details.put("updated", updated);
        details.put("unchanged", unchanged);
        details.put("skipped", skipped);
        audit.record(AuditService.Operation.ACTION, ResourceType.CUSTOMER_IMPORT, stored.id, null, "Customer list imported from "
                + stored.fileName + ": " + created + " created, " + updated + " updated, " + unchanged + " unchanged, "
                + skipped + " rows skipped", details);
        return new Applied(stored.id, created, updated, unchanged, skipped, versions);
    }

    /** The API's one call: store and apply. */
    @Transactional
    public Applied importNow(String fileName, byte[] content, boolean validOnly) {
        Preview preview = preview(fileName, content);
        return apply(preview.importId(), validOnly);
    }

    private CustomerImport find(long importId) {
        return imports.customerImport(importId).orElseThrow(NotFoundException::new);
    }

    private Preview preview(CustomerImport stored, List<Planned> plan) {
        CustomerTable table = table(stored.fileName, stored.content);
        RowReader.Mapping mapping = mapping(table);
        List<RowOutcome> rows = plan.stream().map(Planned::outcome).toList();
        int creates = (int) rows.stream().filter(r -> r.action() == Action.CREATE).count();
        int updates = (int) rows.stream().filter(r -> r.action() == Action.UPDATE).count();
        int unchanged = (int) rows.stream().filter(r -> r.action() == Action.UNCHANGED).count();
        int errors = (int) rows.stream().filter(RowOutcome::isError).count();
        int versions = (int) rows.stream().filter(r -> !r.isError() && r.newVersion()).count();
        return new Preview(stored.id, stored.fileName, stored.sizeBytes, stored.sha256, table.format(), table.encoding(),
                mapping.ignored(), rows, creates, updates, unchanged, errors, versions);
    }

    // --- the plan

    private List<Planned> plan(String fileName, byte[] content) {
        CustomerTable table = table(fileName, content);
        RowReader.Mapping mapping = mapping(table);
        Map<String, Customer> byReference = new HashMap<>();
        Map<String, List<Customer>> byName = new HashMap<>();
        for (Customer c : customers.allById()) {
            if (c.externalReference != null && !c.externalReference.isBlank()) {
                byReference.put(c.externalReference.strip(), c);
            }
            byName.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c);
        }
        AllowlistGenerator generator = new AllowlistGenerator(catalogs.current().catalog());
        Map<String, Integer> seenKeys = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (CustomerTable.Row row : table.rows()) {
            RowReader.Values values = RowReader.read(row, mapping, vocabulary());
            List<RowError> errors = new ArrayList<>();
            values.problems().forEach(p -> errors.add(new RowError(p.column(), i18n.message(p.key(), p.args().toArray()))));
            String reference = blankToNull(values.externalReference());
            String name = values.name() == null ? "" : values.name().strip();
            String key = reference != null ? "ref:" + reference : "name:" + name;
            Integer earlier = seenKeys.putIfAbsent(key, row.number());
            if (earlier != null) {
                errors.add(new RowError(mapping.labels().get(reference != null ? Field.EXTERNAL_REFERENCE : Field.NAME),
                        i18n.msg().error_import_duplicateRow(earlier)));
            }
            Customer existing = null;
            if (reference != null) {
                existing = byReference.get(reference);
            } else {
                List<Customer> named = byName.getOrDefault(name, List.of());
                if (named.size() > 1) {
                    errors.add(new RowError(mapping.labels().get(Field.NAME), i18n.msg().error_import_ambiguousName(named.size())));
                } else if (named.size() == 1) {
                    existing = named.get(0);
                }
            }
            CustomerInput input = merge(existing, values);
            List<String> hosts = List.of();
            if (errors.isEmpty()) {
                try {
                    customers.validateOnly(input);
                    if (!values.hosts().isEmpty()) {
                        hosts = List.copyOf(CustomerService.normalizeHosts(values.hosts()));
                    }
                } catch (InvalidInputException e) {
                    e.errors().forEach(f -> errors.add(new RowError(column(mapping, f.field()), i18n.message(f.key(), f.args().toArray()))));
                }
            }
            if (!errors.isEmpty()) {
                plan.add(new Planned(new RowOutcome(row.number(), name, reference, Action.ERROR,
                        existing == null ? null : existing.id, List.of(), List.copyOf(errors), false), input, List.of()));
                continue;
            }
            if (existing == null) {
                plan.add(new Planned(new RowOutcome(row.number(), name, reference, Action.CREATE, null,
                        values.present().stream().map(Field::apiName).toList(), List.of(), true), input, hosts));
                continue;
            }
            Customer known = existing;
            List<String> newHosts = hosts.stream().filter(h -> known.mcsHosts.stream().noneMatch(m -> m.value.equals(h))).toList();
            List<String> changed = changed(existing, input);
            if (!newHosts.isEmpty()) {
                changed.add(Field.MCS_HOSTS.apiName());
            }
            boolean newVersion = !changed.isEmpty() && !contentHash(generator, existing, null, List.of())
                    .equals(contentHash(generator, existing, input, newHosts));
            plan.add(new Planned(new RowOutcome(row.number(), name, reference, changed.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                    existing.id, List.copyOf(changed), List.of(), newVersion), input, newHosts));
        }
        return plan;
    }

    private CustomerTable table(String fileName, byte[] content) {
        try {
            return CustomerTable.read(fileName, content);
        } catch (ImportException e) {
            throw InvalidInputException.of("file", e.key(), e.args().toArray());
        }
    }

    private RowReader.Mapping mapping(CustomerTable table) {
        try {
            return RowReader.map(table.header(), vocabulary());
        } catch (ImportException e) {
            throw InvalidInputException.of("file", e.key(), e.args().toArray());
        }
    }

    /** The row's values over the customer's own: a column the file lacks keeps what the customer has. */
    static CustomerInput merge(Customer c, RowReader.Values v) {
        Set<Field> present = v.present();
        boolean create = c == null;
        List<String> licenses = present.contains(Field.LICENSES) ? v.licenses()
                : create ? List.of() : c.licenses.stream().map(l -> l.license.name()).toList();
        List<String> regions = present.contains(Field.REGIONS) ? v.regions() : create ? List.of() : List.of(c.regions);
        return new CustomerInput(v.name(),
                present.contains(Field.EXTERNAL_REFERENCE) ? v.externalReference() : create ? null : c.externalReference,
                present.contains(Field.NOTES) ? v.notes() : create ? null : c.notes,
                regions, licenses,
                flag(v, Field.WILDCARD_SUPPORT, !create && c.wildcardSupport),
                flag(v, Field.USES_ACTIVE_DIRECTORY, !create && c.usesActiveDirectory),
                flag(v, Field.TLS_INSPECTION, !create && c.tlsInspection),
                flag(v, Field.APPLICATION_FILTERING, !create && c.applicationFiltering),
                flag(v, Field.NARROW_HYDRA, !create && c.narrowHydra),
                present.contains(Field.FIREWALL_PRODUCT) ? v.firewallProduct() : null,
                create ? null : c.version);
    }

    private static boolean flag(RowReader.Values v, Field field, boolean current) {
        return v.present().contains(field) ? v.flags().getOrDefault(field, false) : current;
    }

    /** The fields the input changes, compared as the customer service would store them. */
    static List<String> changed(Customer c, CustomerInput in) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(c.name, in.name().strip())) {
            changed.add(Field.NAME.apiName());
        }
        if (!Objects.equals(blankToNull(c.externalReference), blankToNull(in.externalReference()))) {
            changed.add(Field.EXTERNAL_REFERENCE.apiName());
        }
        if (!Objects.equals(blankToNull(c.notes), blankToNull(in.notes()))) {
            changed.add(Field.NOTES.apiName());
        }
        Set<License> now = EnumSet.of(License.CENTRAL);
        c.licenses.forEach(l -> now.add(l.license));
        Set<License> then = EnumSet.of(License.CENTRAL);
        in.licenses().forEach(l -> then.add(License.parse(l)));
        if (!now.equals(then)) {
            changed.add(Field.LICENSES.apiName());
        }
        List<String> regions = in.regions().stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (!List.of(c.regions).equals(regions)) {
            changed.add(Field.REGIONS.apiName());
        }
        if (c.wildcardSupport != in.wildcardSupport()) {
            changed.add(Field.WILDCARD_SUPPORT.apiName());
        }
        if (c.usesActiveDirectory != in.usesActiveDirectory()) {
            changed.add(Field.USES_ACTIVE_DIRECTORY.apiName());
        }
        if (c.tlsInspection != in.tlsInspection()) {
            changed.add(Field.TLS_INSPECTION.apiName());
        }
        if (c.applicationFiltering != in.applicationFiltering()) {
            changed.add(Field.APPLICATION_FILTERING.apiName());
        }
        if (c.narrowHydra != in.narrowHydra()) {
            changed.add(Field.NARROW_HYDRA.apiName());
        }
        if (in.firewallProduct() != null) {
            String product = FirewallProduct.NONE.equals(in.firewallProduct()) ? null
                    : FirewallProduct.parse(in.firewallProduct()).map(FirewallProduct::jsonName).orElse(null);
            if (!Objects.equals(c.firewallProduct, product)) {
                changed.add(Field.FIREWALL_PRODUCT.apiName());
            }
        }
        return changed;
    }

    /** The allowlist's content hash for the customer as it is, or as the input would make it. */
    private static String contentHash(AllowlistGenerator generator, Customer c, CustomerInput in, List<String> newHosts) {
        Set<License> licenses = EnumSet.of(License.CENTRAL);
        List<String> regions;
        boolean wildcard, ad, tls, app, narrow;
        if (in == null) {
            c.licenses.forEach(l -> licenses.add(l.license));
            regions = List.of(c.regions);
            wildcard = c.wildcardSupport;
            ad = c.usesActiveDirectory;
            tls = c.tlsInspection;
            app = c.applicationFiltering;
            narrow = c.narrowHydra;
        } else {
            in.licenses().forEach(l -> licenses.add(License.parse(l)));
            regions = in.regions().stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).distinct().toList();
            wildcard = in.wildcardSupport();
            ad = in.usesActiveDirectory();
            tls = in.tlsInspection();
            app = in.applicationFiltering();
            narrow = in.narrowHydra();
        }
        Set<String> hosts = new TreeSet<>();
        c.mcsHosts.forEach(h -> hosts.add(h.value));
        hosts.addAll(newHosts);
        return generator.generate(new CustomerProfile(licenses, regions, wildcard, ad, tls, app, narrow), hosts).contentHash();
    }

    private static String column(RowReader.Mapping mapping, String serviceField) {
        for (Field f : Field.values()) {
            if (f.apiName().equals(serviceField) || (serviceField.equals("hosts") && f == Field.MCS_HOSTS)) {
                String label = mapping.labels().get(f);
                return label != null ? label : f.apiName();
            }
        }
        return serviceField;
    }

    // --- the words a file may use

    RowReader.Vocabulary vocabulary() {
        RowReader.Vocabulary v = vocabulary;
        if (v == null) {
            Map<String, Field> headers = new HashMap<>();
            Map<String, String> licenses = new HashMap<>();
            Map<String, String> regions = new HashMap<>();
            Map<String, String> products = new HashMap<>();
            List<String> bundles = I18n.LANGUAGES;
            for (Field f : Field.values()) {
                headers.put(RowReader.normalize(f.apiName()), f);
                bundles.forEach(b -> label(b, f.labelKey()).ifPresent(l -> headers.put(RowReader.normalize(l), f)));
            }
            for (License l : License.values()) {
                licenses.put(RowReader.normalize(l.name()), l.name());
                bundles.forEach(b -> label(b, "license." + l.name()).ifPresent(t -> licenses.put(RowReader.normalize(t), l.name())));
            }
            for (DataRegions.DataRegion r : DataRegions.all()) {
                bundles.forEach(b -> label(b, r.messageKey()).ifPresent(t -> regions.put(RowReader.normalize(t), r.code())));
            }
            for (FirewallProduct p : FirewallProduct.values()) {
                products.put(p.jsonName(), p.jsonName());
                bundles.forEach(b -> label(b, "firewall." + p.jsonName()).ifPresent(t -> products.put(RowReader.normalize(t), p.jsonName())));
            }
            products.put("none", "none");
            v = new RowReader.Vocabulary(Map.copyOf(headers), Map.copyOf(licenses), Map.copyOf(regions), Map.copyOf(products));
            vocabulary = v;
        }
        return v;
    }

    private static Optional<String> label(String language, String key) {
        return I18n.find(language, key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String cleanName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "customers" : fileName;
        name = name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }
}
