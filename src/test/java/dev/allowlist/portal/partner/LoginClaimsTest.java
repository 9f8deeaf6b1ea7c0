package dev.allowlist.portal.partner;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import dev.allowlist.portal.customer.Customers;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who a login is, taken from its claims and connection only as far as they can be trusted (issue 13). */
@QuarkusTest
class LoginClaimsTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    @Test
    void aLoginNamingTwoPartnersBelongsToNeither() {
        // groups partner-admin, partner:globex, partner-viewer, partner:acme once made an admin of acme
        as("mixed").get("/customers").then().statusCode(403).body(containsString("more than one organisation"))
                .body(containsString("acme, globex"));
        as("mixed").get("/api/v1/customers").then().statusCode(403).body("message", containsString("more than one"));
    }

    @Test
    void aLoginWhoseSubjectIsThePortalsOwnActorIsRefused() {
        as("system").get("/customers").then().statusCode(403).body(containsString("reserved"));
        as("system").get("/api/v1/customers").then().statusCode(403);
    }

    @Test
    void thePacProxyPortMustBeARealPort() {
        long id = Customers.create("alice", Customers.uniqueName("PAC port"), List.of("CENTRAL"));
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=pac&proxy=proxy.example:99999").then()
                .statusCode(400);
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=pac&proxy=proxy.example:0").then().statusCode(400);
        as("alice").get("/api/v1/customers/" + id + "/allowlist?format=pac&proxy=proxy.example:3128").then().statusCode(200);
    }

    /** Creates a customer over a raw connection from the given local address, with X-Forwarded-For. */
    private static long createFrom(String localAddress, String forwardedFor) throws Exception {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        String body = "{\"name\":\"" + Customers.uniqueName("Forwarded") + "\",\"licenses\":[\"CENTRAL\"]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/customers HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                    + TestUsers.token("alice") + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 201");
            Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(response);
            assertThat(m.find()).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    private static String auditedIp(long customerId) {
        return as("carol").get("/api/v1/audit?resourceType=customer&customerId=" + customerId).then().statusCode(200)
                .extract().path("events[0].ipAddress");
    }

    @Test
    void forwardedHeadersCountOnlyFromATrustedProxy() throws Exception {
        // a direct client cannot choose the address the history records
        assertThat(auditedIp(createFrom("127.0.0.1", "1.2.3.4"))).isEqualTo("127.0.0.1");
        // the configured proxy (tests trust 127.0.0.2) is believed
        assertThat(auditedIp(createFrom("127.0.0.2", "1.2.3.4"))).isEqualTo("1.2.3.4");
    }
}
