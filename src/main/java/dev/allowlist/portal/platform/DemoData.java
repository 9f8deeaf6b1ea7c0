package dev.allowlist.portal.platform;

import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.core.CustomerInput;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.McsHost;
import dev.allowlist.portal.partner.Actor;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PartnerRepository;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.partner.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Dev mode's demo data: partners acme and globex with a few realistic customers each, written
 * through the same services as everything else. Runs only when {@code portal.demo-data} is on and
 * the partners do not exist yet. Tests never rely on it.
 */
@ApplicationScoped
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    PartnerRepository partnerRows;

    @Inject
    PortalConfig config;

    @Inject
    CurrentMember member;

    @Inject
    CustomerService customers;

    @Inject
    PartnerService partners;

    @ActivateRequestContext
    void seed(@Observes @Priority(5000) StartupEvent start) {
        if (!config.demoData()) {
            return;
        }
        seedPartner("acme", "Acme MSP", List.of(
                new Demo(withProduct(input("Sakura Trading K.K.", "ACME-0001", List.of("ENDPOINT", "EDR"), List.of("eu-west-1"),
                        false, true), "panos"),
                        List.of("dzr-api-amzn-eu-west-1-9af7.api-upe.p.hmr.sophos.com")),
                new Demo(withProduct(input("Hokkaido Dairy Co-op", "ACME-0002", List.of("ENDPOINT", "EDR"), List.of("ap-northeast-1"),
                        true, false), "fortigate"), List.of()),
                new Demo(input("Osaka Precision Works", "ACME-0003", List.of("MTR", "AD_SYNC"), List.of("eu-central-1"), false, false),
                        List.of()),
                new Demo(input("Northwind Clinics", "ACME-0004", List.of("ENDPOINT", "AD_SYNC"), List.of(), false, false),
                        List.of("mcs2-cloudstation-us-east-2.prod.hydra.sophos.com"))));
        seedPartner("globex", "Globex IT", List.of(
                new Demo(input("Globex Retail", "GX-17", List.of("ENDPOINT", "EDR"), List.of("us-west-2"), true, false), List.of()),
                new Demo(input("Initech Logistics", "GX-18", List.of("ENDPOINT"), List.of(), false, false), List.of())));
    }

    void seedPartner(String slug, String name, List<Demo> demos) {
        boolean exists = QuarkusTransaction.requiringNew().call(() -> partnerRows.bySlug(slug).isPresent());
        if (exists) {
            return;
        }
        // registering a partner is the platform's act, recorded in the platform's history; only then
        // does the seeding act for the partner (it once registered globex while acting as acme)
        member.actingAs(Actor.platformSystem(),
                () -> QuarkusTransaction.requiringNew().run(() -> partners.registerAsSystem(slug, name)));
        member.actingAs(Actor.system(slug, Role.PARTNER_ADMIN), () -> {
            for (Demo demo : demos) {
                Customer customer = customers.create(demo.input());
                if (!demo.hosts().isEmpty()) {
                    customers.addHosts(customer.id, demo.hosts(), McsHost.Source.LOG_UPLOAD);
                }
            }
        });
        LOG.infof("Demo data: partner %s with %d customers", slug, demos.size());
    }

    private static CustomerInput withProduct(CustomerInput i, String product) {
        return new CustomerInput(i.name(), i.externalReference(), i.notes(), i.regions(), i.licenses(), i.wildcardSupport(),
                i.usesActiveDirectory(), i.tlsInspection(), i.applicationFiltering(), i.narrowHydra(), product, i.version());
    }

    record Demo(CustomerInput input, List<String> hosts) {
    }

    private static CustomerInput input(String name, String ref, List<String> licenses, List<String> regions,
            boolean wildcards, boolean narrowHydra) {
        return new CustomerInput(name, ref, null, regions, licenses, wildcards, false, false, false, narrowHydra, null, null);
    }
}
