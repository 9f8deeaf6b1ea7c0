package dev.allowlist.portal.customer;

import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.Changes;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.catalog.core.DomainName;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.core.CentralProfile;
import dev.allowlist.portal.customer.core.CustomerInput;
import dev.allowlist.portal.customer.core.FirewallProduct;
import dev.allowlist.portal.customer.core.HostAddition;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.system.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one place that reads and writes customers, their licenses and MCS hosts: validates, checks the
 * member's role, and (with the tenant scoping of every query) keeps partners apart.
 */
@ApplicationScoped
public class CustomerService {

    static final int NAME_MAX = 200;
    static final int EXTERNAL_REFERENCE_MAX = 100;
    static final int NOTES_MAX = 4000;
    static final int REGIONS_MAX = 10;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    @Inject
    CurrentMember member;

    @Inject
    PortalConfig config;

    @Inject
    CatalogService catalogs;

    @Inject
    AuditService audit;

    @Inject
    CustomerChanges allowlists;

    @Inject
    CustomerRepository repository;

    public record CustomerPage(List<CustomerSummary> customers, int page, int pageCount, long total, CustomerFilter filter) {

        public String search() {
            return filter.search();
        }

        /** The list's query in another order, for the column headings. */
        public String filterWithSort(String sort) {
            return filter.sortedBy(sort).query();
        }
    }

    /** A page of the member's customers by name, with their licenses, host counts and the total. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerPage list(String search, int page) {
        return list(CustomerFilter.of(search, "", "", "", "", ""), page);
    }

    /** A page of the member's customers that pass the filter, in its order, with the total. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerPage list(CustomerFilter filter, int page) {
        int size = config.pageSize();
        int index = Math.max(page, 1);
        CustomerRepository.Listed listed = repository.page(member.tenantId(), filter, index, size);
        if (listed.customers().isEmpty() && index > 1) { // past the end: the last page
            index = (int) Math.max(1, (listed.total() + size - 1) / size);
            listed = repository.page(member.tenantId(), filter, index, size);
        }
        int pageCount = (int) Math.max(1, (listed.total() + size - 1) / size);
        return new CustomerPage(listed.customers(), index, pageCount, listed.total(), filter);
    }

    /**
     * Every customer of the member's partner, by name, handed over in batches (licenses and hosts
     * fetched per batch, not per customer) and forgotten after each, so that memory stays flat however
     * many customers a partner has.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void each(Consumer<List<Customer>> consumer) {
        repository.eachByName(consumer);
    }

    /** A batch of the member's customers after an id, by id (the bulk export reads them so). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Customer> batchAfter(long afterId, int size) {
        return repository.afterId(afterId, size);
    }

    /** Every customer of the member's partner, oldest first (an import matches its rows against them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Customer> allById() {
        return repository.allById();
    }

    /** Every customer of the member's partner, by name (the customer list's export). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Customer> all() {
        return repository.allByName();
    }

    /** The names of the member's customers by id (reports name the customers they list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> names() {
        return repository.names();
    }

    /** A customer of the member's partner; empty for another partner's or an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Customer> find(long id) {
        return repository.find(id);
    }

    /**
     * A customer of the member's partner, its row locked until the transaction ends. Every change to a
     * customer (its profile, hosts, uploads, feeds) starts here, so that concurrent changes of one
     * customer queue up and each then answers as it would have one after the other: a stale version is
     * a 409, a host added twice is "already known", and version numbers never collide.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Customer> findForChange(long id) {
        return repository.findLocked(id);
    }

    /** The customer with licenses and hosts loaded in one round trip each. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Customer> detail(long id) {
        return repository.withLicensesAndHosts(id);
    }

    /** Checks a customer's fields as {@link #create} and {@link #update} do, saving nothing (an import's preview). */
    public void validateOnly(CustomerInput input) {
        validate(input);
    }

    @Transactional
    public Customer create(CustomerInput input) {
        return create(input, List.of(), McsHost.Source.TYPED);
    }

    /**
     * A new customer, with the MCS hosts already known of it (an import's row): one creation, one
     * audit event that names the hosts, one allowlist version.
     */
    @Transactional
    public Customer create(CustomerInput input, Collection<String> initialHosts, McsHost.Source source) {
        Validated valid = validate(input);
        Set<String> hosts = initialHosts == null || initialHosts.isEmpty() ? Set.of() : normalizeHosts(initialHosts);
        Customer customer = new Customer();
        customer.createdAt = OffsetDateTime.now();
        apply(customer, input, valid);
        customer.persist();
        for (String host : hosts) {
            McsHost created = new McsHost();
            created.customer = customer;
            created.value = host;
            created.firstSeenAt = customer.createdAt;
            created.lastSeenAt = customer.createdAt;
            created.source = source;
            created.persist();
            customer.mcsHosts.add(created);
        }
        allowlists.forget(customer.id);
        Map<String, Object> created = snapshot(customer);
        if (!hosts.isEmpty()) {
            created.put("mcsHosts", List.copyOf(hosts));
        }
        audit.record(AuditService.Operation.CREATE, ResourceType.CUSTOMER, customer.id, customer.id,
                "Customer created: " + customer.name, Changes.created(created));
        allowlists.created(customer, "customer-created");
        return customer;
    }

    @Transactional
    public Customer update(long id, CustomerInput input) {
        return change(id, customer -> {
            Validated valid = validate(input);
            if (input.version() == null || input.version() != customer.version) {
                throw new StaleVersionException();
            }
            Map<String, Object> before = snapshot(customer);
            apply(customer, input, valid);
            Map<String, Object> changes = Changes.between(before, snapshot(customer));
            if (Changes.isEmpty(changes)) {
                return Change.none(customer);
            }
            return new Change<>(customer, new Event(AuditService.Operation.UPDATE, ResourceType.CUSTOMER, customer.id,
                    "Customer changed: " + String.join(", ", ((Map<String, ?>) changes.get("after")).keySet()), changes),
                    "profile-changed");
        });
    }

    @Transactional
    public void delete(long id, Integer version) {
        change(id, customer -> {
            if (version != null && version != customer.version) {
                throw new StaleVersionException();
            }
            Event deleted = new Event(AuditService.Operation.DELETE, ResourceType.CUSTOMER, customer.id,
                    "Customer deleted: " + customer.name, Changes.deleted(snapshot(customer)));
            customer.delete();
            return new Change<>(null, deleted, null); // no version: the customer and its versions are gone
        });
    }

    /** Adds observed MCS hosts; known ones get their last-seen time updated. All valid or nothing saved. */
    @Transactional
    public HostAddition addHosts(long customerId, Collection<String> values, McsHost.Source source) {
        return change(customerId, customer -> {
            Set<String> hosts = normalizeHosts(values);
            OffsetDateTime now = OffsetDateTime.now();
            Map<String, McsHost> known = new HashMap<>();
            repository.hostsOf(customer).forEach(h -> known.put(h.value, h));
            List<String> added = new ArrayList<>();
            List<String> alreadyKnown = new ArrayList<>();
            List<String> outside = new ArrayList<>();
            for (String host : hosts) {
                McsHost existing = known.get(host);
                if (existing != null) {
                    existing.lastSeenAt = now;
                    alreadyKnown.add(host);
                } else {
                    McsHost created = new McsHost();
                    created.customer = customer;
                    created.value = host;
                    created.firstSeenAt = now;
                    created.lastSeenAt = now;
                    created.source = source;
                    created.persist();
                    customer.mcsHosts.add(created);
                    added.add(host);
                }
                if (!catalogs.current().catalog().isVendorDomain(host)) {
                    outside.add(host);
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", source.name());
            details.put("added", added);
            details.put("alreadyKnown", alreadyKnown);
            Event event = added.isEmpty()
                    ? new Event(AuditService.Operation.UPDATE, ResourceType.MCS_HOST, customer.id,
                            "MCS hosts seen again: " + String.join(", ", alreadyKnown), details)
                    : new Event(AuditService.Operation.CREATE, ResourceType.MCS_HOST, customer.id,
                            "MCS hosts added: " + String.join(", ", added), details);
            return new Change<>(new HostAddition(added, alreadyKnown, outside), event,
                    added.isEmpty() ? null : "hosts-observed");
        });
    }

    @Transactional
    public void removeHost(long customerId, long hostId) {
        change(customerId, customer -> {
            McsHost host = repository.host(customer, hostId).orElseThrow(NotFoundException::new);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("value", host.value);
            before.put("source", host.source.name());
            before.put("firstSeenAt", host.firstSeenAt.toString());
            before.put("lastSeenAt", host.lastSeenAt.toString());
            Event removed = new Event(AuditService.Operation.DELETE, ResourceType.MCS_HOST, host.id,
                    "MCS host removed: " + host.value, Changes.deleted(before));
            customer.mcsHosts.remove(host);
            host.delete();
            return new Change<>(null, removed, "host-removed");
        });
    }

    /** The cause of the versions a Sophos Central sync makes. */
    public static final String CENTRAL_CAUSE = "central-synced";

    /**
     * A customer as its Sophos Central tenant has it (the sync's one path): created and linked when
     * {@code customerId} is null, else linked and given the tenant's licenses and regions. Validated,
     * audited as coming from Sophos Central, and versioned with the cause {@value #CENTRAL_CAUSE} and what
     * it changed, in the caller's transaction.
     */
    @Transactional
    public Customer synchronize(Long customerId, CentralProfile profile) {
        List<String> licenses = profile.licenses().stream().map(Enum::name).toList();
        if (customerId == null) {
            CustomerInput input = new CustomerInput(profile.name(), null, null, profile.regions(), licenses, false, false,
                    false, false, false, null, null);
            Validated valid = validate(input);
            Customer customer = new Customer();
            customer.createdAt = OffsetDateTime.now();
            apply(customer, input, valid);
            customer.centralTenantId = profile.tenantId();
            customer.persist();
            allowlists.forget(customer.id);
            Map<String, Object> created = snapshot(customer);
            created.put("source", "sophos-central");
            created.put("centralTenantId", profile.tenantId());
            audit.record(AuditService.Operation.CREATE, ResourceType.CUSTOMER, customer.id, customer.id,
                    "Customer created from Sophos Central: " + customer.name, Changes.created(created));
            allowlists.created(customer, CENTRAL_CAUSE);
            return customer;
        }
        return change(customerId, customer -> {
            CustomerInput input = new CustomerInput(customer.name, customer.externalReference, customer.notes,
                    profile.regions(), licenses, customer.wildcardSupport, customer.usesActiveDirectory,
                    customer.tlsInspection, customer.applicationFiltering, customer.narrowHydra, null, customer.version);
            Validated valid = validate(input);
            Map<String, Object> before = snapshot(customer);
            String linkedBefore = customer.centralTenantId;
            apply(customer, input, valid);
            customer.centralTenantId = profile.tenantId();
            Map<String, Object> changes = Changes.between(before, snapshot(customer));
            boolean linked = !profile.tenantId().equals(linkedBefore);
            if (Changes.isEmpty(changes) && !linked) {
                return Change.none(customer);
            }
            Map<String, Object> details = new LinkedHashMap<>(changes);
            details.put("source", "sophos-central");
            details.put("centralTenantId", profile.tenantId());
            String what = Changes.isEmpty(changes) ? "linked to tenant " + profile.tenantId()
                    : String.join(", ", ((Map<String, ?>) changes.get("after")).keySet());
            return new Change<>(customer, new Event(AuditService.Operation.UPDATE, ResourceType.CUSTOMER, customer.id,
                    "Customer synced from Sophos Central: " + what, details), CENTRAL_CAUSE, profile.causeDetail());
        });
    }

    /** An audit event of a change to a customer (the customer's id is the event's customer). */
    private record Event(AuditService.Operation operation, ResourceType type, Object resourceId, String summary,
            Map<String, ?> details) {
    }

    /** What a change did: its result, its audit event (none when nothing changed), and the cause of a new version. */
    private record Change<T>(T result, Event event, String versionCause, String causeDetail) {
        Change(T result, Event event, String versionCause) {
            this(result, event, versionCause, null);
        }

        static <T> Change<T> none(T result) {
            return new Change<>(result, null, null);
        }
    }

    /**
     * The one path of every change to an existing customer: an editor's role; the customer's row locked
     * (concurrent changes queue up); what is cached of it dropped; the work; then, in the same
     * transaction, its audit event and, when the work names a cause, a new allowlist version if the list
     * changed.
     */
    private <T> T change(long customerId, Function<Customer, Change<T>> work) {
        Customer customer = findForChange(customerId).orElseThrow(NotFoundException::new);
        allowlists.forget(customer.id);
        Change<T> change = work.apply(customer);
        if (change.event() != null) {
            Event e = change.event();
            audit.record(e.operation(), e.type(), e.resourceId(), customer.id, e.summary(), e.details());
        }
        if (change.versionCause() != null) {
            allowlists.changed(customer, change.versionCause(), change.causeDetail());
        }
        return change.result();
    }

    /** The hosts as they would be stored, or an {@link InvalidInputException} naming what is wrong. */
    public static Set<String> normalizeHosts(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidInputException.of("hosts", "error.hosts.empty");
        }
        Set<String> hosts = new LinkedHashSet<>();
        InvalidInputException.Builder errors = InvalidInputException.builder();
        for (String value : values) {
            try {
                hosts.add(DomainName.normalizeHost(value));
            } catch (IllegalArgumentException e) {
                errors.add("hosts", "error.host", value == null ? "" : abbreviate(value));
            }
        }
        if (hosts.size() > 100) {
            errors.add("hosts", "error.hosts.tooMany", 100);
        }
        errors.throwIfAny();
        return hosts;
    }

    /** @param firewallProduct the product's name, "" to clear it, or null to keep the stored one */
    private record Validated(Set<License> licenses, List<String> regions, String firewallProduct) {
    }

    private Validated validate(CustomerInput input) {
        InvalidInputException.Builder errors = InvalidInputException.builder();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "error.required");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "error.tooLong", NAME_MAX);
        } else if (InvalidInputException.hasControlCharacters(name, false)) {
            errors.add("name", "error.controlCharacters");
        }
        if (input.externalReference() != null && InvalidInputException.hasControlCharacters(input.externalReference(), false)) {
            errors.add("externalReference", "error.controlCharacters");
        }
        if (input.notes() != null && InvalidInputException.hasControlCharacters(input.notes(), true)) {
            errors.add("notes", "error.controlCharacters");
        }
        if (input.externalReference() != null && input.externalReference().strip().length() > EXTERNAL_REFERENCE_MAX) {
            errors.add("externalReference", "error.tooLong", EXTERNAL_REFERENCE_MAX);
        }
        if (input.notes() != null && input.notes().length() > NOTES_MAX) {
            errors.add("notes", "error.tooLong", NOTES_MAX);
        }
        EnumSet<License> licenses = EnumSet.of(License.CENTRAL);
        for (String text : input.licenses()) {
            License license = License.parse(text);
            if (license == null) {
                errors.add("licenses", "error.license", text == null ? "" : abbreviate(text));
            } else {
                licenses.add(license);
            }
        }
        List<String> regions = new ArrayList<>();
        for (String text : input.regions()) {
            String region = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (region.isEmpty()) {
                continue;
            }
            if (!REGION.matcher(region).matches()) {
                errors.add("regions", "error.region", abbreviate(text));
            } else if (!regions.contains(region)) {
                regions.add(region);
            }
        }
        if (regions.size() > REGIONS_MAX) {
            errors.add("regions", "error.tooMany", REGIONS_MAX);
        }
        String product = null;
        if (input.firewallProduct() != null) {
            if (FirewallProduct.NONE.equalsIgnoreCase(input.firewallProduct().strip())) {
                product = "";
            } else {
                product = FirewallProduct.parse(input.firewallProduct()).map(FirewallProduct::jsonName).orElse(null);
                if (product == null) {
                    errors.add("firewallProduct", "error.firewallProduct", abbreviate(input.firewallProduct()));
                }
            }
        }
        errors.throwIfAny();
        return new Validated(licenses, regions, product);
    }

    private static void apply(Customer customer, CustomerInput input, Validated valid) {
        customer.name = input.name().strip();
        customer.externalReference = blankToNull(input.externalReference());
        customer.notes = blankToNull(input.notes());
        customer.regions = valid.regions().toArray(String[]::new);
        customer.wildcardSupport = input.wildcardSupport();
        customer.usesActiveDirectory = input.usesActiveDirectory();
        customer.tlsInspection = input.tlsInspection();
        customer.applicationFiltering = input.applicationFiltering();
        customer.narrowHydra = input.narrowHydra();
        if (valid.firewallProduct() != null) {
            customer.firewallProduct = valid.firewallProduct().isEmpty() ? null : valid.firewallProduct();
        }
        customer.updatedAt = OffsetDateTime.now();
        customer.licenses.removeIf(l -> !valid.licenses().contains(l.license));
        Set<License> present = EnumSet.noneOf(License.class);
        customer.licenses.forEach(l -> present.add(l.license));
        for (License license : valid.licenses()) {
            if (!present.contains(license)) {
                CustomerLicense created = new CustomerLicense();
                created.customer = customer;
                created.license = license;
                customer.licenses.add(created);
            }
        }
    }

    /** The audited fields of a customer. */
    static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", c.name);
        s.put("externalReference", c.externalReference);
        s.put("notes", c.notes);
        s.put("regions", List.of(c.regions));
        s.put("licenses", c.licenses.stream().map(l -> l.license).sorted().map(Enum::name).toList());
        s.put("wildcardSupport", c.wildcardSupport);
        s.put("usesActiveDirectory", c.usesActiveDirectory);
        s.put("tlsInspection", c.tlsInspection);
        s.put("applicationFiltering", c.applicationFiltering);
        s.put("narrowHydra", c.narrowHydra);
        s.put("firewallProduct", c.firewallProduct);
        return s;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

}
