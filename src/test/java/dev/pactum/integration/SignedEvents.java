package dev.pactum.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Sends events to Pactum as a peer system would: over real HTTP, signed with the peer's secret, no user session. */
@Component
public class SignedEvents {

    private final ApiClient api;
    private final ObjectMapper json;
    private final Clock clock;

    SignedEvents(ApiClient api, ObjectMapper json, Clock clock) {
        this.api = api;
        this.json = json;
        this.clock = clock;
    }

    public record Answer(int status, String contentType, JsonNode body) {
    }

    /** Signed now with {@code secret}. */
    public Answer send(String peer, String secret, String eventId, String body) throws Exception {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return send(peer, eventId, timestamp, Signatures.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)),
                body);
    }

    public Answer send(String peer, String eventId, String timestamp, String signature, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/integrations/" + peer + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en");
        if (eventId != null) {
            request.header("X-Pactum-Event-Id", eventId);
        }
        if (timestamp != null) {
            request.header("X-Pactum-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Pactum-Signature", signature);
        }
        HttpResponse<String> response = api.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : json.readTree(response.body()));
    }
}
