package dev.allowlist.portal.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.SystemTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A customer's network in miniature, for running the check scripts for real: an HTTP proxy on this
 * machine that tunnels CONNECT to a TLS server holding a certificate for the given hosts (made with
 * openssl; curl trusts it through CURL_CA_BUNDLE) and answers port-80 GETs itself, refusing the
 * host:port pairs it is told to. {@link #seen()} is what it was asked for: {@code CONNECT host:443},
 * {@code GET host:80}.
 */
public final class LocalFirewall implements AutoCloseable {

    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> refused;
    private final Path dir;
    private final Path cert;
    private ServerSocket proxy;
    private SSLServerSocket tls;

    /** @param refused "host:port" pairs the proxy refuses (403) */
    public LocalFirewall(Collection<String> hosts, Set<String> refused) throws Exception {
        SystemTools.require("curl", "curl");
        SystemTools.require("openssl", "openssl");
        this.refused = refused;
        dir = Files.createTempDirectory("local-firewall");
        cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path p12 = dir.resolve("server.p12");
        String san = "subjectAltName=" + String.join(",", hosts.stream().map(h -> "DNS:" + h).toList());
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=allowlist-test",
                "-addext", san, "-keyout", key.toString(), "-out", cert.toString()), Map.of());
        run(List.of("openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", cert.toString(), "-out", p12.toString(),
                "-passout", "pass:test"), Map.of());
        startTls(p12);
        startProxy();
    }

    public List<String> seen() {
        return seen;
    }

    /** What a check script needs to test through this firewall. */
    public Map<String, String> env() {
        return Map.of("ALLOWLIST_PROXY", "127.0.0.1:" + proxy.getLocalPort(), "CURL_CA_BUNDLE", cert.toString(),
                "HOME", dir.toString());
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        tls.close();
    }

    /** A command's exit status and its output (standard error included). */
    public record Run(int exit, String output) {
    }

    public static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    void startTls(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, "test".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "test".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys.getKeyManagers(), null, null);
        tls = (SSLServerSocket) ssl.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        loop(tls, socket -> {
            try (socket) {
                socket.setSoTimeout(5000);
                ((SSLSocket) socket).startHandshake();
                readHead(socket.getInputStream());
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    void startProxy() throws IOException {
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        loop(proxy, client -> {
            try (client) {
                client.setSoTimeout(10000);
                String head = readHead(client.getInputStream());
                String requestLine = head.lines().findFirst().orElse("");
                String[] parts = requestLine.split(" ");
                // CONNECT host:port, or GET http://host[:port]/ (curl leaves out a default port)
                String target = parts[1].replaceFirst("^http://", "").replaceFirst("/.*$", "");
                if (!target.contains(":")) {
                    target = target + ":80";
                }
                seen.add(parts[0] + " " + target);
                OutputStream out = client.getOutputStream();
                if (parts[0].equals("CONNECT")) {
                    if (refused.contains(target)) {
                        out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        return;
                    }
                    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), tls.getLocalPort())) {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread back = new Thread(() -> pipe(upstream, client));
                        back.start();
                        pipe(client, upstream);
                        back.join(10000);
                    }
                } else {
                    String status = refused.contains(target) ? "403 Forbidden" : "404 Not Found";
                    out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
        });
    }

    interface Handler {
        void handle(Socket socket) throws Exception;
    }

    void loop(ServerSocket server, Handler handler) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread worker = new Thread(() -> {
                        try {
                            handler.handle(socket);
                        } catch (Exception ignored) {
                            // a client that hangs up early: the script's verdict is what the test checks
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed
        }
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
