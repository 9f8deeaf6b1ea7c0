package dev.allowlist.portal.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.allowlist.portal.central.core.CentralMapping.LicenseProduct;
import dev.allowlist.portal.partner.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Sophos Central APIs the sync reads (docs/sophos-central.md): a token by the client-credentials
 * grant, {@code whoami}, the partner's tenants page by page, and each tenant's licenses from the
 * tenant's own API host. A 429 is waited out when its {@code Retry-After} is short (up to three times),
 * and reported otherwise. Neither the secret nor a token ever appears in a message or a log.
 */
@ApplicationScoped
public class CentralClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    @Inject
    PortalConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile Pattern apiHosts;

    public record Token(String value) {

        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    public record WhoAmI(String id, String idType) {
    }

    public record Tenant(String id, String name, String dataGeography, String dataRegion, String apiHost) {
    }

    /** One page of tenants, and how many pages there are. */
    public record TenantPage(int page, int pages, List<Tenant> tenants) {
    }

    /** An access token for the credential; {@link CentralFault.Kind#REFUSED} when Sophos Central refuses it. */
    public Token token(String clientId, String secret) throws CentralFault {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret)
                + "&scope=token";
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.central().tokenUrl())).timeout(config.central().timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request, "the token endpoint");
        if (response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403) {
            throw new CentralFault(CentralFault.Kind.REFUSED, "the token endpoint refused the credential ("
                    + response.statusCode() + ")", null);
        }
        JsonNode body = json(ok(response, "the token endpoint"), "the token endpoint");
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new CentralFault(CentralFault.Kind.FAILED, "the token endpoint answered no access_token", null);
        }
        return new Token(token);
    }

    public WhoAmI whoami(Token token) throws CentralFault {
        JsonNode body = get(config.central().globalUrl() + "/whoami/v1", token, null, null, "whoami");
        return new WhoAmI(body.path("id").asText(""), body.path("idType").asText(""));
    }

    /** A page (from 1) of the partner's tenants; the first asks for the page count. */
    public TenantPage tenants(Token token, String partnerId, int page) throws CentralFault {
        String url = config.central().globalUrl() + "/partner/v1/tenants?pageTotal=true&page=" + page;
        JsonNode body = get(url, token, "X-Partner-ID", partnerId, "the tenants page " + page);
        List<Tenant> tenants = new ArrayList<>();
        for (JsonNode t : body.path("items")) {
            tenants.add(new Tenant(t.path("id").asText(""), t.path("name").asText(t.path("showAs").asText("")),
                    text(t, "dataGeography"), text(t, "dataRegion"), text(t, "apiHost")));
        }
        int pages = body.path("pages").path("total").asInt(page);
        return new TenantPage(body.path("pages").path("current").asInt(page), Math.max(pages, 1), tenants);
    }

    /** A tenant's licenses, from its own API host. */
    public List<LicenseProduct> licenses(Token token, String apiHost, String tenantId) throws CentralFault {
        if (apiHost == null || !apiHostPattern().matcher(apiHost).matches()) {
            throw new CentralFault(CentralFault.Kind.UNREACHABLE, "the tenant's API host is not a Sophos Central host", null);
        }
        JsonNode body = get(apiHost + "/licenses/v1/licenses", token, "X-Tenant-ID", tenantId, "a tenant's licenses");
        List<LicenseProduct> products = new ArrayList<>();
        for (JsonNode l : body.path("licenses")) {
            products.add(new LicenseProduct(text(l.path("product"), "code"), text(l.path("product"), "name"),
                    date(text(l, "endDate"))));
        }
        return products;
    }

    private JsonNode get(String url, Token token, String header, String value, String what) throws CentralFault {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.central().timeout())
                .header("Authorization", "Bearer " + token.value()).header("Accept", "application/json").GET();
        if (header != null) {
            request.header(header, value);
        }
        HttpResponse<String> response = send(request.build(), what);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new CentralFault(CentralFault.Kind.REFUSED, what + " refused the token (" + response.statusCode() + ")", null);
        }
        return json(ok(response, what), what);
    }

    /** Sends, waiting out a short Retry-After; a long one, or the third 429, is reported. */
    private HttpResponse<String> send(HttpRequest request, String what) throws CentralFault {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new CentralFault(CentralFault.Kind.UNREACHABLE, what + " is unreachable (" + e.getClass().getSimpleName() + ")",
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CentralFault(CentralFault.Kind.UNREACHABLE, what + ": interrupted", null);
            }
            if (response.statusCode() != 429) {
                return response;
            }
            Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            if (attempt >= ATTEMPTS || wait.compareTo(config.central().maxWait()) > 0) {
                throw new CentralFault(CentralFault.Kind.RATE_LIMITED, what + " is rate-limited (429)", wait);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CentralFault(CentralFault.Kind.RATE_LIMITED, what + " is rate-limited (429)", wait);
            }
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; one second when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, String what) throws CentralFault {
        if (response.statusCode() / 100 != 2) {
            throw new CentralFault(response.statusCode() >= 500 ? CentralFault.Kind.UNREACHABLE : CentralFault.Kind.FAILED,
                    what + " answered " + response.statusCode(), null);
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response, String what) throws CentralFault {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CentralFault(CentralFault.Kind.FAILED, what + " answered no JSON", null);
        }
    }

    private Pattern apiHostPattern() {
        Pattern p = apiHosts;
        if (p == null) {
            p = Pattern.compile(config.central().apiHostPattern());
            apiHosts = p;
        }
        return p;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
