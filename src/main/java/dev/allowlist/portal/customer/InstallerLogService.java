package dev.allowlist.portal.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.Sha256;
import dev.allowlist.portal.audit.AuditService;
import dev.allowlist.portal.audit.core.ResourceType;
import dev.allowlist.portal.catalog.CatalogService;
import dev.allowlist.portal.customer.core.HostAddition;
import dev.allowlist.portal.customer.core.InstallerLogParser;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.partner.PortalConfig;
import dev.allowlist.portal.system.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ingests a customer's SophosCloudInstaller.log: parses it, adds the MCS hosts it names, and keeps a
 * record of the upload. A refused file changes nothing; the same file again only moves "last uploaded".
 */
@ApplicationScoped
public class InstallerLogService {

    /** What an upload did, as its result page shows it. */
    public record Outcome(List<InstallerLogParser.ObservedHost> added, List<InstallerLogParser.ObservedHost> known,
            List<InstallerLogParser.IgnoredLine> ignored, int ignoredCount) {
    }

    /** The upload record and whether this was a repeat of a file already uploaded. */
    public record Ingested(InstallerLogUpload upload, Outcome outcome, boolean repeated) {
    }

    /** The file is larger than the configured limit (answered 413). */
    public static class TooLargeException extends RuntimeException {
        private final long limit;

        public TooLargeException(long limit) {
            super("installer log larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    @Inject
    CurrentMember member;

    @Inject
    CustomerService customers;

    @Inject
    CatalogService catalogs;

    @Inject
    PortalConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    AuditService audit;

    @Inject
    CustomerChanges allowlists;

    @Inject
    InstallerLogRepository uploads;

    public long maxSize() {
        return config.installerLog().maxSize().asLongValue();
    }

    /**
     * An uploaded file, as the page and the API receive it (a temporary file): an unknown customer is a
     * 404, a missing file a 400 and a file over the limit a 413, before anything is read into memory.
     */
    @Transactional
    public Ingested ingest(long customerId, String fileName, Path file) throws IOException {
        customers.find(customerId).orElseThrow(NotFoundException::new);
        if (file == null) {
            throw InvalidInputException.of("file", "error.log.missing");
        }
        if (Files.size(file) > maxSize()) {
            throw new TooLargeException(maxSize());
        }
        return ingest(customerId, fileName, Files.readAllBytes(file));
    }

    @Transactional
    public Ingested ingest(long customerId, String fileName, byte[] content) {
        Customer customer = customers.findForChange(customerId).orElseThrow(NotFoundException::new);
        allowlists.forget(customerId); // its page lists the uploads from the snapshot: this instance sees its own write
        if (content.length > maxSize()) {
            throw new TooLargeException(maxSize());
        }
        if (content.length == 0) {
            throw InvalidInputException.of("file", "error.log.empty");
        }
        InstallerLogParser.Result parsed;
        try {
            parsed = new InstallerLogParser(catalogs.current().catalog()::isVendorDomain).parse(content);
        } catch (InstallerLogParser.NotTextException e) {
            throw InvalidInputException.of("file", "error.log.notText", e.kind());
        }
        String sha256 = sha256(content);
        OffsetDateTime now = OffsetDateTime.now();
        Optional<InstallerLogUpload> earlier = uploads.sameFile(customer, sha256);
        if (earlier.isPresent()) {
            InstallerLogUpload upload = earlier.get();
            upload.lastUploadedAt = now;
            upload.uploadCount++;
            auditUpload(upload, true);
            return new Ingested(upload, outcome(upload), true);
        }
        List<InstallerLogParser.ObservedHost> hosts = parsed.hosts();
        HostAddition addition = hosts.isEmpty() ? new HostAddition(List.of(), List.of(), List.of())
                : customers.addHosts(customerId, hosts.stream().map(InstallerLogParser.ObservedHost::host).toList(),
                        McsHost.Source.LOG_UPLOAD);
        Outcome outcome = new Outcome(
                hosts.stream().filter(h -> addition.added().contains(h.host())).toList(),
                hosts.stream().filter(h -> addition.alreadyKnown().contains(h.host())).toList(),
                parsed.ignored(), parsed.ignoredCount());
        InstallerLogUpload upload = new InstallerLogUpload();
        upload.customer = customer;
        upload.fileName = cleanFileName(fileName);
        upload.sizeBytes = content.length;
        upload.sha256 = sha256;
        upload.encoding = parsed.encoding();
        upload.lineCount = parsed.lines();
        upload.hostsFound = hosts.size();
        upload.hostsAdded = outcome.added().size();
        upload.hostsKnown = outcome.known().size();
        upload.linesIgnored = parsed.ignoredCount();
        upload.result = write(outcome);
        upload.uploadedBy = member.displayName();
        upload.firstUploadedAt = now;
        upload.lastUploadedAt = now;
        upload.uploadCount = 1;
        upload.persist();
        auditUpload(upload, false);
        return new Ingested(upload, outcome, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InstallerLogUpload> find(long customerId, long uploadId) {
        return uploads.find(customerId, uploadId);
    }

    /**
     * The customer's ten latest uploads, detached and read-only; its page keeps them per snapshot of the
     * customer (an upload drops the snapshot: V19's trigger, and {@link CustomerChanges#forget} above).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InstallerLogUpload> recent(long customerId) {
        return uploads.latest(member.tenantId(), customerId, 10);
    }

    private void auditUpload(InstallerLogUpload upload, boolean repeated) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", upload.fileName);
        details.put("sizeBytes", upload.sizeBytes);
        details.put("sha256", upload.sha256);
        details.put("encoding", upload.encoding);
        details.put("hostsFound", upload.hostsFound);
        details.put("hostsAdded", upload.hostsAdded);
        details.put("hostsKnown", upload.hostsKnown);
        details.put("linesIgnored", upload.linesIgnored);
        details.put("repeated", repeated);
        audit.record(AuditService.Operation.ACTION, ResourceType.INSTALLER_LOG, upload.id,
                upload.customer.id, (repeated ? "Installer log uploaded again: " : "Installer log uploaded: ")
                        + upload.fileName, details);
    }

    public Outcome outcome(InstallerLogUpload upload) {
        try {
            return json.readValue(upload.result, Outcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored upload result unreadable", e);
        }
    }

    private String write(Outcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cleanFileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            base = "SophosCloudInstaller.log";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }
}
