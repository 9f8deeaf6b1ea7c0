package dev.allowlist.portal.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.partner.PortalConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A small Sophos Central for dev mode and tests, on a port of its own ({@code portal.central.fake-port}),
 * serving the shapes docs/sophos-central.md lists: the token endpoint (client credentials), whoami, the
 * partner's tenants page by page ({@code pageTotal}, {@code page}, {@code X-Partner-ID}) and each tenant's
 * licenses from its own API host ({@code X-Tenant-ID}). Tests steer it: tenants and their products, a
 * revoked secret, 429s with {@code Retry-After}, a failing page, a tenant whose host is unreachable.
 * Not part of a production build.
 */
@IfBuildProfile(anyOf = { "dev", "test" })
@ApplicationScoped
public class FakeSophosCentral {

    private static final Logger LOG = Logger.getLogger(FakeSophosCentral.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A license product as the Licenses API lists it. */
    public record Product(String code, String name, String endDate) {
    }

    public record Tenant(String id, String name, String dataGeography, String dataRegion, List<Product> products) {
    }

    private record Client(String secret, String partnerId) {
    }

    @Inject
    Vertx vertx;

    @Inject
    PortalConfig config;

    private HttpServer server;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<Tenant>> tenants = new ConcurrentHashMap<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private final Map<Integer, AtomicInteger> failingPages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 100;

    void start(@Observes StartupEvent started) throws Exception {
        if (config.central().fakePort().isEmpty()) {
            return;
        }
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/api/v2/oauth2/token").handler(this::token);
        router.get("/whoami/v1").handler(this::whoami);
        router.get("/partner/v1/tenants").handler(this::tenants);
        router.get("/region/:region/licenses/v1/licenses").handler(this::licenses);
        server = vertx.createHttpServer().requestHandler(router);
        server.listen(config.central().fakePort().get(), "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        if (config.demoData()) { // dev mode: the demo partner's Sophos Central account
            seedDemo();
        }
        LOG.infof("Fake Sophos Central on http://127.0.0.1:%d", config.central().fakePort().get());
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (server != null) {
            server.close();
        }
    }

    // --- steering

    /** Forgets every client, tenant and fault. */
    public void reset() {
        clients.clear();
        revoked.clear();
        tokens.clear();
        tenants.clear();
        unreachable.clear();
        rateLimited.set(0);
        failingPages.clear();
        requests.clear();
        pageSize = 100;
    }

    public void client(String clientId, String secret, String partnerId) {
        clients.put(clientId, new Client(secret, partnerId));
        revoked.remove(clientId);
        tenants.putIfAbsent(partnerId, new CopyOnWriteArrayList<>());
    }

    public void revoke(String clientId) {
        revoked.add(clientId);
    }

    public void tenants(String partnerId, List<Tenant> list) {
        tenants.put(partnerId, new CopyOnWriteArrayList<>(list));
    }

    public List<Tenant> tenantsOf(String partnerId) {
        return tenants.getOrDefault(partnerId, List.of());
    }

    /** Replaces one tenant (its products, say). */
    public void replace(String partnerId, Tenant tenant) {
        List<Tenant> list = tenants.get(partnerId);
        list.replaceAll(t -> t.id().equals(tenant.id()) ? tenant : t);
    }

    public void remove(String partnerId, String tenantId) {
        tenants.get(partnerId).removeIf(t -> t.id().equals(tenantId));
    }

    /** The next {@code count} tenant-page requests answer 429 with this Retry-After. */
    public void rateLimit(int count, int retryAfter) {
        retryAfterSeconds = retryAfter;
        rateLimited.set(count);
    }

    /** A page answers 503 this many times. */
    public void failPage(int page, int times) {
        failingPages.put(page, new AtomicInteger(times));
    }

    /** The tenant's API host is one nothing listens on. */
    public void unreachable(String tenantId, boolean on) {
        if (on) {
            unreachable.add(tenantId);
        } else {
            unreachable.remove(tenantId);
        }
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    /** The requests served, as "METHOD path?query" (never a body). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + config.central().fakePort().orElse(0);
    }

    // --- the API

    private void token(RoutingContext rc) {
        record(rc);
        String clientId = rc.request().getFormAttribute("client_id");
        String secret = rc.request().getFormAttribute("client_secret");
        Client client = clientId == null ? null : clients.get(clientId);
        if (!"client_credentials".equals(rc.request().getFormAttribute("grant_type"))
                || !"token".equals(rc.request().getFormAttribute("scope"))) {
            json(rc, 400, Map.of("errorCode", "oauth.invalid_request", "message", "grant_type and scope are required"));
        } else if (client == null || !client.secret().equals(secret) || revoked.contains(clientId)) {
            json(rc, 401, Map.of("errorCode", "oauth.invalid_client_secret", "message", "Invalid client credentials"));
        } else {
            String token = "fake-" + UUID.randomUUID();
            tokens.put(token, client.partnerId());
            json(rc, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 3600, "errorCode", "success"));
        }
    }

    private String partnerOf(RoutingContext rc) {
        String auth = rc.request().getHeader("Authorization");
        String partner = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
        if (partner == null) {
            json(rc, 401, Map.of("error", "Unauthorized", "message", "Invalid token"));
        }
        return partner;
    }

    private void whoami(RoutingContext rc) {
        record(rc);
        String partner = partnerOf(rc);
        if (partner != null) {
            json(rc, 200, Map.of("id", partner, "idType", "partner", "apiHosts", Map.of("global", baseUrl())));
        }
    }

    private void tenants(RoutingContext rc) {
        record(rc);
        String partner = partnerOf(rc);
        if (partner == null) {
            return;
        }
        if (!partner.equals(rc.request().getHeader("X-Partner-ID"))) {
            json(rc, 403, Map.of("error", "forbidden", "message", "X-Partner-ID does not match the credential"));
            return;
        }
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            rc.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
            json(rc, 429, Map.of("error", "TooManyRequests", "message", "Rate limit exceeded"));
            return;
        }
        int page = intParam(rc, "page", 1);
        AtomicInteger failing = failingPages.get(page);
        if (failing != null && failing.getAndDecrement() > 0) {
            json(rc, 503, Map.of("error", "ServiceUnavailable"));
            return;
        }
        List<Tenant> all = tenants.getOrDefault(partner, List.of());
        int size = pageSize;
        int total = Math.max(1, (all.size() + size - 1) / size);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Tenant t : all.subList(Math.min(all.size(), (page - 1) * size), Math.min(all.size(), page * size))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", t.id());
            item.put("showAs", t.name());
            item.put("name", t.name());
            item.put("dataGeography", t.dataGeography());
            item.put("dataRegion", t.dataRegion());
            item.put("billingType", "usage");
            item.put("partner", Map.of("id", partner));
            item.put("apiHost", unreachable.contains(t.id()) ? "http://127.0.0.1:9/region/" + t.dataRegion()
                    : baseUrl() + "/region/" + t.dataRegion());
            item.put("status", "active");
            items.add(item);
        }
        Map<String, Object> pages = new LinkedHashMap<>();
        pages.put("current", page);
        pages.put("size", size);
        if ("true".equals(rc.request().getParam("pageTotal"))) {
            pages.put("total", total);
            pages.put("items", all.size());
        }
        pages.put("maxSize", 100);
        json(rc, 200, Map.of("pages", pages, "items", items));
    }

    private void licenses(RoutingContext rc) {
        record(rc);
        String partner = partnerOf(rc);
        if (partner == null) {
            return;
        }
        String tenantId = rc.request().getHeader("X-Tenant-ID");
        Tenant tenant = tenants.getOrDefault(partner, List.of()).stream().filter(t -> t.id().equals(tenantId)).findFirst()
                .orElse(null);
        if (tenant == null || !tenant.dataRegion().equals(rc.pathParam("region"))) {
            json(rc, 403, Map.of("error", "forbidden", "message", "not a tenant of this partner on this host"));
            return;
        }
        List<Map<String, Object>> licenses = new ArrayList<>();
        int n = 0;
        for (Product p : tenant.products()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", tenant.id() + "-" + n);
            l.put("licenseIdentifier", "L" + (100000 + n++));
            l.put("product", Map.of("code", p.code(), "name", p.name()));
            l.put("startDate", "2025-01-01");
            if (p.endDate() != null) {
                l.put("endDate", p.endDate());
            }
            l.put("type", "term");
            l.put("quantity", 25);
            l.put("unlimited", false);
            licenses.add(l);
        }
        json(rc, 200, Map.of("tenant", Map.of("id", tenant.id()), "licenses", licenses));
    }

    private void record(RoutingContext rc) {
        requests.add(rc.request().method() + " " + rc.request().uri());
    }

    private static int intParam(RoutingContext rc, String name, int fallback) {
        try {
            return Integer.parseInt(rc.request().getParam(name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void json(RoutingContext rc, int status, Object body) {
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(body));
        } catch (Exception e) {
            rc.fail(e);
        }
    }

    // --- dev mode's demo account

    /** The demo partner's Sophos Central: client id "demo-client", secret "demo-secret" (docs/sophos-central.md). */
    private void seedDemo() {
        client("demo-client", "demo-secret", "11111111-demo-4000-8000-000000000001");
        Product intercept = new Product("CIXA", "Central Intercept X Advanced", null);
        Product xdr = new Product("CIXAXDR", "Central Intercept X Advanced with XDR", null);
        Product mdr = new Product("MDRC", "Sophos MDR Complete", null);
        Product email = new Product("CEMAIL", "Central Email Advanced", null);
        tenants("11111111-demo-4000-8000-000000000001", List.of(
                new Tenant("7b6f33dc-0001-4d71-9729-000000000001", "Sakura Trading K.K.", "IE", "eu01", List.of(intercept, xdr)),
                new Tenant("7b6f33dc-0002-4d71-9729-000000000002", "Hokkaido Dairy Co-op", "JP", "jp01", List.of(intercept, mdr)),
                new Tenant("7b6f33dc-0003-4d71-9729-000000000003", "Kyoto Lantern Studio", "JP", "jp01", List.of(intercept)),
                new Tenant("7b6f33dc-0004-4d71-9729-000000000004", "Pacific Freight LLC", "US", "us03", List.of(xdr, email)),
                new Tenant("7b6f33dc-0005-4d71-9729-000000000005", "Berlin Bakery GmbH", "DE", "eu02", List.of(intercept))));
    }
}
