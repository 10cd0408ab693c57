package dev.pactum.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev profile's stand-ins answer the generic protocol as application-dev.yaml's peers call it, and only so. */
class DevPeersTest {

    private final DevPeers peers = new DevPeers(0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        peers.stop();
    }

    @Test
    void financeTakesReceivablesAndTheCrmSummariesWithTheDevCredentials() throws Exception {
        peers.start();

        assertThat(put("/finance/receivables/HT-2026-000001", "Basic " + basic("pactum:dev-password-finance"),
                "pactum.receivables.v1").statusCode()).isEqualTo(201);
        assertThat(put("/crm/contracts/HT-2026-000001", "Bearer dev-token-crm", "pactum.contract-summary.v1")
                .statusCode()).isEqualTo(200);
        assertThat(put("/crm/contracts/HT-2026-000001", "Bearer wrong", "pactum.contract-summary.v1").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aWebhookReceiverTakesSignedDeliveries() throws Exception {
        peers.start();
        HttpRequest.Builder delivery = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + peers.port()
                        + "/webhooks/demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(http.send(delivery.copy().header("X-Pactum-Event-Id", "e1")
                .header("X-Pactum-Signature", "sha256=" + "ab".repeat(32)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(http.send(delivery.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("unsigned").isEqualTo(404);
    }

    private HttpResponse<String> put(String path, String authorization, String protocol) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + peers.port() + path))
                .header("Authorization", authorization).header("Idempotency-Key", "k")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"protocol\": \"" + protocol + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes());
    }
}
