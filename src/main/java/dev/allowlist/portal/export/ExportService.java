package dev.allowlist.portal.export;

import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.allowlist.AllowlistService;
import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.AllowlistVersions;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.export.core.ExportFormat;
import dev.allowlist.portal.export.core.ExportFormats;
import dev.allowlist.portal.export.core.PacFormat;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Renders exports: a download (audited as a sensitive read), the download menu, the bulk ZIP. */
@ApplicationScoped
public class ExportService {

    /** A rendered file with its name and what it left out. */
    public record Download(String fileName, String contentType, String content, List<ExportFormat.Omitted> omitted,
            String etag) implements AllowlistSnapshot.Sized {

        private static int length(String text) {
            return text == null ? 0 : text.length();
        }

        /** Its text (one byte a character, mostly ASCII), its names and what was left out. */
        @Override
        public int estimatedBytes() {
            return 256 + length(content) + length(fileName) + length(etag) + 100 * omitted.size();
        }
    }

    @Inject
    CustomerService customers;

    @Inject
    AllowlistService allowlists;

    @Inject
    AllowlistVersions versions;

    @Inject
    AuditService audit;

    @Inject
    EntityManager em;

    @Inject
    CurrentAllowlists current;

    @Inject
    CatalogService catalogs;

    public static ExportFormat format(String id) {
        return ExportFormats.byId(id).orElseThrow(() -> InvalidInputException.of("format", "error.format",
                String.join(", ", ExportFormats.all().stream().map(ExportFormat::id).toList())));
    }

    /**
     * One customer's allowlist in a format; the stage completes with it once the download is recorded (and
     * fails when it cannot be: nothing is served unrecorded). The caller holds no thread meanwhile.
     */
    public CompletionStage<Download> downloadLater(long customerId, String formatId, String proxy) {
        ExportFormat format = format(formatId);
        checkProxy(proxy);
        AllowlistSnapshot snapshot = current.of(customerId).orElseThrow(NotFoundException::new);
        Download download = render(snapshot, format, proxy);
        return audit.recordReadLater(AuditService.Operation.ACTION, ResourceType.EXPORT, format.id(), snapshot.customerId(),
                "Allowlist exported as " + format.id() + ": " + download.fileName(), downloadDetails(format, download))
                .thenApply(stored -> download);
    }

    private static Map<String, Object> downloadDetails(ExportFormat format, Download download) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.id());
        details.put("fileName", download.fileName());
        details.put("leftOut", download.omitted().stream().map(ExportFormat.Omitted::value).toList());
        return details;
    }

    /**
     * One customer's current version in a format, with the current catalog's words for its reasons. The file
     * states when its version was generated, so that one version is always the same bytes in a format: what
     * its ETag promises, what a diff of two downloads expects, and what is rendered once per snapshot (and
     * shared by downloads, feeds and the customer page's "Copy list") instead of on every request. A file
     * for a named proxy is rendered each time: its proxy is the caller's.
     */
    public Download render(AllowlistSnapshot snapshot, ExportFormat format, String proxy) {
        Instant generatedAt = snapshot.versionCreatedAt() == null ? Instant.EPOCH : snapshot.versionCreatedAt();
        Supplier<Download> rendering = () -> render(snapshot.customerName(), snapshot.customerId(), snapshot.version(),
                snapshot.allowlist(), format, proxy, generatedAt, sectionTitles());
        return proxy == null ? snapshot.derive("export:" + format.id(), rendering) : rendering.get();
    }

    /** The current catalog's section titles by id, in English (exports are read by customers' network teams). */
    public Map<String, String> sectionTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        catalogs.current().catalog().sections().forEach(s -> titles.put(s.id(), s.title().in("en")));
        return titles;
    }

    public static Download render(String customerName, long customerId, int version, Allowlist allowlist, ExportFormat format,
            String proxy, Instant generatedAt, Map<String, String> sectionTitles) {
        ExportFormat.Export export = format.render(new ExportFormat.ExportContext(customerName, customerId, version,
                generatedAt, allowlist, proxy, sectionTitles));
        String etag = "\"" + sha256(allowlist.contentHash() + "|" + version + "|" + format.id() + "|" + proxy).substring(0, 32) + "\"";
        return new Download(fileName(customerName, customerId, version, format), format.contentType(), export.content(),
                export.omitted(), etag);
    }

    /**
     * What each format would leave out of this customer's allowlist, for the download menu: what it
     * cannot write at all apart from what another entry of the file already covers.
     */
    public record Option(String id, List<ExportFormat.Omitted> leftOut) {

        public List<ExportFormat.Omitted> cannotWrite() {
            return leftOut.stream().filter(o -> !o.covered()).toList();
        }

        public List<ExportFormat.Omitted> covered() {
            return leftOut.stream().filter(ExportFormat.Omitted::covered).toList();
        }
    }

    /** Computed once per snapshot: the customer page shows it on every visit. */
    public List<Option> options(AllowlistSnapshot snapshot) {
        return snapshot.derive("export-options", () -> {
            ExportFormat.ExportContext context = new ExportFormat.ExportContext(snapshot.customerName(),
                    snapshot.customerId(), snapshot.version(), Instant.EPOCH, snapshot.allowlist(), null);
            return ExportFormats.menu().stream().map(f -> new Option(f.id(), f.render(context).omitted())).toList();
        });
    }

    /**
     * Every customer of the partner in one format, as ZIP entries written as they are rendered. Each batch
     * of 200 is read and rendered in a short transaction of its own, and written to the client after it:
     * no transaction (nor connection) is held while a slow client reads the ZIP.
     */
    public void bulk(String formatId, String proxy, OutputStream out) throws IOException {
        ExportFormat format = format(formatId);
        checkProxy(proxy);
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditService.Operation.ACTION, ResourceType.EXPORT, format.id(),
                null, "All customers exported as " + format.id(), Map.of("format", format.id(), "bulk", true)));
        Instant now = Instant.now();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Set<String> names = new HashSet<>();
            long after = 0;
            while (true) {
                long from = after;
                List<Rendered> batch = QuarkusTransaction.requiringNew().call(() -> renderBatch(from, format, proxy, now));
                for (Rendered r : batch) {
                    // customers may share a name; a ZIP may not hold two entries of one name
                    String name = names.add(r.download().fileName()) ? r.download().fileName()
                            : r.download().fileName().replaceFirst("_v(\\d+)_", "_c" + r.customerId() + "_v$1_");
                    names.add(name);
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(r.download().content().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                if (batch.size() < BULK_BATCH) {
                    break;
                }
                after = batch.get(batch.size() - 1).customerId();
                zip.flush();
            }
        }
    }

    /**
     * The chosen customers' allowlists in one format, for a ZIP: every id must be the partner's (any other
     * is a 404 before anything is written), and the download is one audit event naming them.
     */
    public List<Download> selection(String formatId, List<Long> ids) {
        ExportFormat format = format(formatId);
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "error.selection");
        }
        List<AllowlistSnapshot> chosen = ids.stream().distinct()
                .map(id -> current.of(id).orElseThrow(NotFoundException::new)).toList();
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditService.Operation.ACTION, ResourceType.EXPORT,
                format.id(), null, chosen.size() + " customers exported as " + format.id(),
                Map.of("format", format.id(), "customers", chosen.stream().map(AllowlistSnapshot::customerId).toList())));
        return chosen.stream().map(s -> render(s, format, null)).toList();
    }

    private static final int BULK_BATCH = 200;

    private record Rendered(long customerId, Download download) {
    }

    private List<Rendered> renderBatch(long after, ExportFormat format, String proxy, Instant now) {
        List<Customer> batch = customers.batchAfter(after, BULK_BATCH);
        // the batch's newest version numbers in one query, not one per customer
        Map<Long, AllowlistVersions.Latest> latest = versions.latest(batch.stream().map(c -> c.id).toList());
        List<Rendered> rendered = new ArrayList<>(batch.size());
        Map<String, String> titles = sectionTitles();
        for (Customer customer : batch) {
            AllowlistVersions.Latest newest = latest.get(customer.id);
            rendered.add(new Rendered(customer.id, render(customer.name, customer.id, newest == null ? 0 : newest.number(),
                    allowlists.current(customer), format, proxy, now, titles)));
        }
        em.clear(); // memory stays flat, whatever the number of customers
        return rendered;
    }

    private static void checkProxy(String proxy) {
        if (proxy != null && !proxy.isBlank() && !PacFormat.isValidProxy(proxy)) {
            throw InvalidInputException.of("proxy", "error.proxy");
        }
    }

    static String fileName(String customerName, long customerId, int version, ExportFormat format) {
        String slug = Normalizer.normalize(customerName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "customer-" + customerId;
        }
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug + "_v" + version + "_" + format.id() + "." + format.extension();
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

}
