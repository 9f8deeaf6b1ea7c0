package dev.allowlist.portal.importing;

import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.importing.core.LogArchive;
import dev.allowlist.portal.partner.CurrentMember;
import dev.allowlist.portal.system.I18n;
import dev.allowlist.portal.system.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Many installer logs in one upload (several files, or a ZIP of them, as an RMM tool collects them):
 * each file is matched to a customer by its folder or file name (the customer's external reference,
 * or the slug of its name) and ingested exactly as a single upload is, each in its own transaction,
 * so that one bad file loses nothing else. An unmatched file waits, with its content, for a person to
 * assign it.
 */
@ApplicationScoped
public class InstallerLogBatchService {

    /** A file of the batch as the result page and the API show it. */
    public record FileView(long id, String name, String status, Long customerId, String customerName, Integer added,
            Integer known, Integer ignored, String message) {

        public boolean unmatched() {
            return "unmatched".equals(status);
        }
    }

    /** A file as it came: its name (with folders) and its bytes. */
    public record Upload(String name, byte[] content) {
    }

    @Inject
    ImportRepository files;

    @Inject
    CustomerService customers;

    @Inject
    CurrentMember member;

    @Inject
    InstallerLogService logs;

    @Inject
    I18n i18n;

    /** Ingests every file it can match; returns the batch's id. */
    public String ingest(List<Upload> uploads) {
        if (uploads.isEmpty()) {
            throw InvalidInputException.of("file", "error.log.empty");
        }
        String batch = UUID.randomUUID().toString();
        Map<String, Long> match = QuarkusTransaction.requiringNew().call(this::matchTable);
        for (Upload upload : uploads) {
            for (LogArchive.Entry entry : LogArchive.entries(upload.name(), upload.content(), logs.maxSize())) {
                if (entry.refused()) {
                    record(batch, entry.path(), null, null, "refused", i18n.message(entry.refusal(), entry.refusalArgument()), null);
                    continue;
                }
                Long customerId = null;
                for (String candidate : LogArchive.candidates(entry.path())) {
                    customerId = match.get(key(candidate));
                    if (customerId != null) {
                        break;
                    }
                }
                if (customerId == null) {
                    record(batch, entry.path(), entry.content(), null, "unmatched", i18n.customers().logs_batch_noMatch(), null);
                } else {
                    ingestOne(batch, entry.path(), entry.content(), customerId, null);
                }
            }
        }
        return batch;
    }

    /** A person assigns an unmatched file to a customer: it is ingested now. */
    public void assign(String batch, long fileId, long customerId) {
        InstallerLogBatchFile file = QuarkusTransaction.requiringNew().call(() -> files.batchFile(batch, fileId)
                .orElseThrow(NotFoundException::new));
        if (!"unmatched".equals(file.status) || file.content == null) {
            throw InvalidInputException.of("customerId", "logs.batch.notWaiting");
        }
        QuarkusTransaction.requiringNew().run(() -> customers.find(customerId).orElseThrow(NotFoundException::new));
        ingestOne(batch, file.name, file.content, customerId, file.id);
    }

    public List<FileView> files(String batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<InstallerLogBatchFile> inBatch = files.batchFiles(batch);
            if (inBatch.isEmpty()) {
                throw new NotFoundException();
            }
            Map<Long, String> names = new HashMap<>();
            List<FileView> views = new ArrayList<>();
            for (InstallerLogBatchFile f : inBatch) {
                String customerName = f.customerId == null ? null : names.computeIfAbsent(f.customerId,
                        id -> customers.find(id).map(c -> c.name).orElse(null));
                Integer added = null;
                Integer known = null;
                Integer ignored = null;
                if (f.uploadId != null) {
                    var upload = logs.find(f.customerId, f.uploadId);
                    if (upload.isPresent()) {
                        added = upload.get().hostsAdded;
                        known = upload.get().hostsKnown;
                        ignored = upload.get().linesIgnored;
                    }
                }
                views.add(new FileView(f.id, f.name, f.status, f.customerId, customerName, added, known, ignored, f.message));
            }
            return views;
        });
    }

    private void ingestOne(String batch, String path, byte[] content, long customerId, Long existingFileId) {
        String status;
        String message = null;
        Long uploadId = null;
        try {
            InstallerLogService.Ingested ingested = logs.ingest(customerId, path.substring(path.lastIndexOf('/') + 1), content);
            status = ingested.repeated() ? "repeated" : "ingested";
            uploadId = ingested.upload().id;
        } catch (InvalidInputException e) {
            status = "refused";
            message = String.join("; ", e.messages(i18n).values());
        } catch (InstallerLogService.TooLargeException e) {
            status = "refused";
            message = i18n.msg().error_logs_entryTooLarge(String.valueOf(e.limit() / (1024 * 1024)));
        }
        if (existingFileId != null) {
            String s = status;
            String m = message;
            Long u = uploadId;
            QuarkusTransaction.requiringNew().run(() -> {
                InstallerLogBatchFile f = files.batchFile(existingFileId);
                f.status = s;
                f.message = m;
                f.customerId = customerId;
                f.uploadId = u;
                f.content = null;
            });
        } else {
            record(batch, path, null, customerId, status, message, uploadId);
        }
    }

    private void record(String batch, String path, byte[] content, Long customerId, String status, String message, Long uploadId) {
        QuarkusTransaction.requiringNew().run(() -> {
            InstallerLogBatchFile f = new InstallerLogBatchFile();
            f.batch = batch;
            f.name = path.length() > 500 ? path.substring(0, 500) : path;
            f.content = content;
            f.createdBy = member.displayName();
            f.createdAt = OffsetDateTime.now();
            f.customerId = customerId;
            f.uploadId = uploadId;
            f.status = status;
            f.message = message;
            f.persist();
        });
    }

    /** The partner's customers by every name a file may carry: external reference, and the slug of the name. */
    private Map<String, Long> matchTable() {
        Map<String, Long> match = new HashMap<>();
        List<Customer> all = customers.allById();
        for (Customer c : all) {
            String slug = slug(c.name);
            if (!slug.isEmpty()) {
                match.putIfAbsent(key(slug), c.id);
            }
        }
        for (Customer c : all) { // a reference wins over a name's slug
            if (c.externalReference != null && !c.externalReference.isBlank()) {
                match.put(key(c.externalReference), c.id);
            }
        }
        return match;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
