package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar serving HTTPS itself, set up exactly as README's "Serving HTTPS" says: a keystore made with
 * keytool, {@code server.ssl.*} and a port. Browsers are told to stay on HTTPS and get a Secure session cookie.
 */
class TlsIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String STORE_PASSWORD = "changeit-tls-test";
    private static final String ADMIN_PASSWORD = "quiet-harbour-2718";

    @TempDir
    Path work;

    @Test
    void theJarServesHttpsWithHstsAndASecureCookie() throws Exception {
        Path keystore = work.resolve("pactum.p12");
        run(keytool(), "-genkeypair", "-alias", "pactum", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD);
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
        int port = freePort();
        Path log = work.resolve("tls.log");

        Process app = start(List.of("--server.port=" + port,
                "--server.ssl.key-store=" + keystore, "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + STORE_PASSWORD, "--server.ssl.key-alias=pactum",
                "--pactum.embedded-database.data-dir=" + work.resolve("data"),
                "--pactum.documents.key-file=" + work.resolve("document-keys"),
                "--pactum.documents.create-key-file=true",
                "--camunda.bpm.admin-user.id=tlsadmin", "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD), log);
        try {
            HttpResponse<String> loginPage = awaitUp(https, port, app, log);
            HttpResponse<String> api = https.send(HttpRequest.newBuilder(uri(port, "/api/notifications"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("tlsadmin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(loginPage.statusCode()).isEqualTo(200);
            assertThat(loginPage.headers().firstValue("Strict-Transport-Security"))
                    .contains("max-age=31536000 ; includeSubDomains");
            assertThat(loginPage.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().contains("Secure", "HttpOnly", "SameSite=Lax");
            assertThat(api.statusCode()).as("the first admin, whose password meets the policy").isEqualTo(200);
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private Process start(List<String> arguments, Path log) throws IOException {
        Path jar = Path.of("target", "pactum.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static HttpResponse<String> awaitUp(HttpClient https, int port, Process app, Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the app exited; its log:%n%s", Files.readString(log)).isTrue();
            if (Files.readString(log).contains("Pactum is ready")) {
                try {
                    return https.send(HttpRequest.newBuilder(uri(port, "/login")).header("Accept", "text/html")
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException | SSLException notYet) {
                    // the connector is still opening
                }
            }
            app.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not up within " + STARTUP + "; log:\n" + Files.readString(log));
    }

    /** Trusts exactly the certificate in the keystore the app serves. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("pactum", store.getCertificate("pactum"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static URI uri(int port, String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
