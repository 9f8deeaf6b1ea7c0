package dev.allowlist.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestPartners;
import dev.allowlist.portal.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads over a limit are refused before their body is read, with the portal's message and format
 * however far over they are (issue 13, F8: over the HTTP limit the answer was a bare 413).
 */
@QuarkusTest
class UploadLimitTest {

    @BeforeAll
    static void partners() {
        TestPartners.ensureRegistered();
    }

    /** Sends only the head of a request that declares this body length, and reads the answer. */
    private static String declare(String path, long length, String contentType) throws Exception {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                    + TestUsers.token("alice") + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nAccept-Language: en\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server answers without reading the body, and may keep the connection open: read one response
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            Matcher declared = Pattern.compile("(?i)content-length: *([0-9]+)").matcher(headers);
            byte[] body;
            if (declared.find()) {
                body = in.readNBytes(Integer.parseInt(declared.group(1)));
            } else {
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; !rest.toString(StandardCharsets.UTF_8).contains("\r\n0\r\n") && (n = in.read(buffer)) > 0;) {
                    rest.write(buffer, 0, n);
                }
                body = rest.toByteArray();
            }
            return headers + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void overTheHttpLimitTheAnswerIsTheSameMessageInTheSameFormat() throws Exception {
        long id = Customers.create("alice", Customers.uniqueName("Huge log"), List.of("CENTRAL"));
        long overHttpLimit = 30L * 1024 * 1024;
        long overLogLimit = 2L * 1024 * 1024;
        for (long length : new long[] { overLogLimit, overHttpLimit }) {
            String api = declare("/api/v1/customers/" + id + "/installer-logs", length, "application/octet-stream");
            assertThat(api).as(length + " bytes, API").startsWith("HTTP/1.1 413").contains("application/json")
                    .contains("\"status\":413").contains("larger than 1 MB");
            String page = declare("/customers/" + id + "/installer-logs", length, "multipart/form-data; boundary=x");
            assertThat(page).as(length + " bytes, page").startsWith("HTTP/1.1 413").contains("text/html")
                    .contains("<section class=\"error\">", "413 · Too large", "larger than 1 MB");
        }
        assertThat(declare("/customers", overHttpLimit, "application/x-www-form-urlencoded")).startsWith("HTTP/1.1 413")
                .contains("The upload is too large.");
    }
}
