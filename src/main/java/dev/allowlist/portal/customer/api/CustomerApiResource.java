package dev.allowlist.portal.customer.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.AllowlistSnapshot;
import dev.allowlist.portal.allowlist.AllowlistVersions;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import dev.allowlist.portal.allowlist.ChangeReports;
import dev.allowlist.portal.allowlist.CurrentAllowlists;
import dev.allowlist.portal.catalog.core.License;
import dev.allowlist.portal.customer.Customer;
import dev.allowlist.portal.customer.core.CustomerInput;
import dev.allowlist.portal.customer.CustomerService;
import dev.allowlist.portal.customer.core.HostAddition;
import dev.allowlist.portal.customer.core.InstallerLogParser;
import dev.allowlist.portal.customer.InstallerLogService;
import dev.allowlist.portal.customer.InstallerLogUpload;
import dev.allowlist.portal.customer.McsHost;
import dev.allowlist.portal.export.ExportService;
import dev.allowlist.portal.partner.PortalRoles;
import dev.allowlist.portal.system.Attachments;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The JSON API for scripts: customers, their MCS hosts and allowlists (design.md "Interfaces"). */
@RolesAllowed(PortalRoles.CUSTOMER_READER)
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerApiResource {

    public record HostJson(long id, String value, OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, String source) {
    }

    public record CustomerJson(Long id, String name, String externalReference, String notes, List<String> regions,
            List<String> licenses, List<String> effectiveLicenses, boolean wildcardSupport, boolean usesActiveDirectory,
            boolean tlsInspection, boolean applicationFiltering, boolean narrowHydra, String firewallProduct, Integer version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, List<HostJson> mcsHosts) {

        CustomerInput toInput(Integer versionOverride) {
            return new CustomerInput(name, externalReference, notes, regions, licenses, wildcardSupport,
                    usesActiveDirectory, tlsInspection, applicationFiltering, narrowHydra, firewallProduct,
                    versionOverride != null ? versionOverride : version);
        }
    }

    public record HostsJson(List<String> hosts) {
    }

    public record ReasonJson(String rule, String section, String replaces) {
    }

    public record EntryJson(String id, String value, String kind, List<Integer> ports, String owner,
            List<ReasonJson> reasons) {
    }

    public record WarningJson(String code, String subject, String detail, String message) {
    }

    public record RegionJson(String source, List<String> regions, Map<String, String> inferredFrom) {
    }

    public record UnemittedJson(String region, String rule, String hostPattern, String coveredBy, boolean proxyTakes,
            String message) {
    }

    public record AllowlistJson(long customerId, Integer version, String catalogVersion, String contentHash,
            RegionJson regions, List<EntryJson> entries, List<WarningJson> warnings, List<UnemittedJson> unemitted) {
    }

    @Inject
    CustomerService customers;

    @Inject
    CurrentAllowlists current;

    @Inject
    ObjectMapper mapper;

    @Inject
    InstallerLogService installerLogs;

    @Inject
    ExportService exports;

    @Inject
    AllowlistVersions versions;

    @Inject
    ChangeReports changeReports;

    /** Every customer of the partner, streamed in batches: a partner's thousands never sit in memory at once. */
    @GET
    @APIResponse(responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(
                            type = SchemaType.ARRAY,
                            implementation = CustomerJson.class)))
    public Response list() {
        StreamingOutput body = out -> {
            JsonGenerator json = mapper.getFactory().createGenerator(out);
            json.writeStartArray();
            customers.each(batch -> {
                try {
                    for (Customer c : batch) {
                        mapper.writeValue(json, json(c));
                    }
                    json.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.flush();
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    public Response create(CustomerJson body) {
        if (body == null) {
            throw new BadRequestException();
        }
        Customer created = customers.create(body.toInput(null));
        return Response.created(URI.create("/api/v1/customers/" + created.id)).entity(json(created)).build();
    }

    @GET
    @Path("{id}")
    public CustomerJson get(@PathParam("id") long id) {
        return json(customers.detail(id).orElseThrow(NotFoundException::new));
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @PUT
    @Path("{id}")
    public CustomerJson update(@PathParam("id") long id, CustomerJson body) {
        if (body == null) {
            throw new BadRequestException();
        }
        customers.update(id, body.toInput(null));
        return get(id);
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        customers.delete(id, version);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/mcs-hosts")
    public List<HostJson> hosts(@PathParam("id") long id) {
        return json(customers.detail(id).orElseThrow(NotFoundException::new)).mcsHosts();
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("{id}/mcs-hosts")
    public HostAddition addHosts(@PathParam("id") long id, HostsJson body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return customers.addHosts(id, body.hosts(), McsHost.Source.TYPED);
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @DELETE
    @Path("{id}/mcs-hosts/{hostId}")
    public Response removeHost(@PathParam("id") long id, @PathParam("hostId") long hostId) {
        customers.removeHost(id, hostId);
        return Response.noContent().build();
    }

    /** The current allowlist as JSON, or with {@code ?format=F} as an export file. */
    @GET
    @Path("{id}/allowlist")
    @Produces(MediaType.WILDCARD)
    @Blocking
    public CompletionStage<Response> allowlist(@PathParam("id") long id, @QueryParam("format") String format,
            @QueryParam("proxy") String proxy) {
        if (format != null) {
            // served once the download is recorded; the wait holds no worker thread
            return exports.downloadLater(id, format, proxy).thenApply(d -> Response.ok(d.content(), d.contentType())
                    .header("Content-Disposition", Attachments.named(d.fileName()))
                    .header("ETag", d.etag()).header("X-Allowlist-Left-Out", String.valueOf(d.omitted().size())).build());
        }
        return CompletableFuture.completedFuture(
                Response.ok(allowlistJson(id), MediaType.APPLICATION_JSON_TYPE).build());
    }

    public record VersionJson(int number, String contentHash, String catalogVersion, String cause, String actor,
            OffsetDateTime createdAt) {
    }

    @GET
    @Path("{id}/allowlist/versions")
    public List<VersionJson> versions(@PathParam("id") long id) {
        Customer customer = customers.find(id).orElseThrow(NotFoundException::new);
        return versions.all(customer.id).stream().map(v -> new VersionJson(v.number, v.contentHash, v.catalogVersion,
                v.cause, v.actor, v.createdAt)).toList();
    }

    @GET
    @Path("{id}/changes")
    public ChangeReport changes(@PathParam("id") long id, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        customers.find(id).orElseThrow(NotFoundException::new);
        return changeReports.report(id, from, to);
    }

    public record AppliedJson(Integer version) {
    }

    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("{id}/applied")
    public Map<String, Integer> markApplied(@PathParam("id") long id, AppliedJson body) {
        customers.find(id).orElseThrow(NotFoundException::new);
        changeReports.markApplied(id, body == null || body.version() == null ? -1 : body.version());
        return Map.of("appliedVersion", changeReports.applied(id));
    }

    /** The JSON body, serialised once per snapshot: polling scripts get it without a query or a generation. */
    private byte[] allowlistJson(long id) {
        AllowlistSnapshot snapshot = current.of(id).orElseThrow(NotFoundException::new);
        return snapshot.derive("json", () -> {
            Allowlist allowlist = snapshot.allowlist();
            AllowlistJson body = new AllowlistJson(snapshot.customerId(),
                    snapshot.version() == 0 ? null : snapshot.version(), allowlist.catalogVersion(),
                    allowlist.contentHash(), new RegionJson(allowlist.regionBasis().source().name(),
                            allowlist.regionBasis().regions(), allowlist.regionBasis().inferredFrom()),
                    allowlist.entries().stream().map(e -> new EntryJson(e.id(), e.value(), e.kind().jsonName(), e.ports(),
                            e.owner().jsonName(), e.reasons().stream()
                                    .map(r -> new ReasonJson(r.source(), r.section(), r.replaces())).toList())).toList(),
                    allowlist.warnings().stream().map(w -> new WarningJson(w.code().name(), w.subject(), w.detail(),
                            w.message())).toList(),
                    allowlist.unemitted().stream().map(u -> new UnemittedJson(u.region(), u.rule(), u.hostPattern(),
                            u.coveredBy(), u.proxyTakes(), u.message())).toList());
            try {
                return mapper.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public record UploadJson(long id, String fileName, long sizeBytes, String sha256, String encoding, int lines,
            boolean repeated, OffsetDateTime firstUploadedAt, OffsetDateTime lastUploadedAt, int uploadCount,
            List<InstallerLogParser.ObservedHost> added, List<InstallerLogParser.ObservedHost> alreadyKnown,
            List<InstallerLogParser.IgnoredLine> ignored, int ignoredCount) {
    }

    /** A SophosCloudInstaller.log as multipart form data (field "file"). */
    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("{id}/installer-logs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadMultipart(@PathParam("id") long id, @RestForm("file") FileUpload file) throws IOException {
        return uploaded(installerLogs.ingest(id, file == null ? null : file.fileName(),
                file == null ? null : file.uploadedFile()));
    }

    /** A SophosCloudInstaller.log as the raw request body; the name may come as ?fileName=. */
    @RolesAllowed(PortalRoles.CUSTOMER_EDITOR)
    @POST
    @Path("{id}/installer-logs")
    @Consumes(MediaType.WILDCARD)
    public Response uploadRaw(@PathParam("id") long id, @QueryParam("fileName") String fileName, byte[] body) {
        return uploaded(installerLogs.ingest(id, fileName, body == null ? new byte[0] : body));
    }

    private Response uploaded(InstallerLogService.Ingested ingested) {
        InstallerLogUpload u = ingested.upload();
        InstallerLogService.Outcome o = ingested.outcome();
        UploadJson body = new UploadJson(u.id, u.fileName, u.sizeBytes, u.sha256, u.encoding, u.lineCount,
                ingested.repeated(), u.firstUploadedAt, u.lastUploadedAt, u.uploadCount, o.added(), o.known(),
                o.ignored(), o.ignoredCount());
        return Response.status(ingested.repeated() ? 200 : 201).entity(body).build();
    }

    static CustomerJson json(Customer c) {
        List<License> licenses = c.licenses.stream().map(l -> l.license).sorted().toList();
        return new CustomerJson(c.id, c.name, c.externalReference, c.notes, List.of(c.regions),
                licenses.stream().map(Enum::name).toList(),
                License.withImplications(licenses).stream().sorted().map(Enum::name).toList(), c.wildcardSupport,
                c.usesActiveDirectory, c.tlsInspection, c.applicationFiltering, c.narrowHydra, c.firewallProduct, c.version,
                c.createdAt,
                c.updatedAt, c.mcsHosts.stream().map(h -> new HostJson(h.id, h.value, h.firstSeenAt, h.lastSeenAt,
                        h.source.name())).toList());
    }
}
