package dev.allowlist.portal.platform;

import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.Changes;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.partner.Partner;
import dev.allowlist.portal.partner.PartnerDirectory;
import dev.allowlist.portal.partner.PartnerRepository;
import dev.allowlist.portal.system.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Registers partners: the platform admins' part of the partners' lifecycle. */
@ApplicationScoped
public class PartnerService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerDirectory directory;

    @Inject
    AuditService audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Partner> list() {
        return partners.allById();
    }

    /** Every partner with its customer and member counts and last login. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerRepository.Activity> activity() {
        return partners.activity();
    }

    /** A partner's new display name, validated like a registration's; audited with before and after. */
    @Transactional
    public Partner rename(String slug, String displayName) {
        Partner partner = partners.bySlug(slug).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        String name = displayName == null ? "" : displayName.strip();
        InvalidInputException.Builder errors = InvalidInputException.builder();
        checkDisplayName(name, errors);
        errors.throwIfAny();
        String before = partner.displayName;
        if (!before.equals(name)) {
            partner.displayName = name;
            audit.record(AuditService.Operation.UPDATE, ResourceType.PARTNER, partner.id, null,
                    "Partner renamed: " + partner.id, Changes.between(Map.of("displayName", before), Map.of("displayName", name)));
        }
        directory.forget(partner.id);
        return partner;
    }

    /**
     * Disables or enables a partner. Disabled, its members are refused (the "not registered" page, 403
     * on the API) on every instance; nothing of it is deleted, and enabling restores it.
     */
    @Transactional
    public Partner setEnabled(String slug, boolean enabled) {
        Partner partner = partners.bySlug(slug).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        if (partner.enabled() != enabled) {
            partner.disabledAt = enabled ? null : OffsetDateTime.now();
            audit.record(AuditService.Operation.UPDATE, ResourceType.PARTNER, partner.id, null,
                    (enabled ? "Partner enabled: " : "Partner disabled: ") + partner.id,
                    Changes.between(Map.of("enabled", !enabled), Map.of("enabled", enabled)));
        }
        directory.forget(partner.id);
        return partner;
    }

    @Transactional
    public Partner register(String slug, String displayName) {
        return registerAsSystem(slug, displayName);
    }

    /** Registration without a login (demo data at start-up); same validation. */
    @Transactional
    public Partner registerAsSystem(String slug, String displayName) {
        String id = slug == null ? "" : slug.strip();
        String name = displayName == null ? "" : displayName.strip();
        InvalidInputException.Builder errors = InvalidInputException.builder();
        if (!SLUG.matcher(id).matches()) {
            errors.add("slug", "error.slug");
        } else if (partners.bySlug(id).isPresent()) {
            errors.add("slug", "error.slug.taken");
        }
        checkDisplayName(name, errors);
        errors.throwIfAny();
        Partner partner = new Partner();
        partner.id = id;
        partner.displayName = name;
        partner.createdAt = OffsetDateTime.now();
        partner.persist();
        directory.registered(partner);
        audit.record(AuditService.Operation.CREATE, ResourceType.PARTNER, partner.id, null, "Partner registered: " + partner.id,
                Changes.created(Map.of("slug", partner.id, "displayName", partner.displayName)));
        return partner;
    }

    private static void checkDisplayName(String name, InvalidInputException.Builder errors) {
        if (name.isEmpty()) {
            errors.add("displayName", "error.required");
        } else if (name.length() > 200) {
            errors.add("displayName", "error.tooLong", 200);
        } else if (InvalidInputException.hasControlCharacters(name, false)) {
            errors.add("displayName", "error.controlCharacters");
        }
    }
}
