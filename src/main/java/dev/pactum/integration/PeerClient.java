package dev.pactum.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Outbound calls to a peer's generic JSON protocol. Every call carries an {@code Idempotency-Key}; a peer that
 * answers 2xx took it. Anything else is a {@link PeerCallFailed} that says whether trying again can help.
 */
class PeerClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final HttpClient http;
    private final Duration timeout;

    PeerClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** @return the peer's answer body (2xx) */
    String put(PeerSystem peer, IntegrationProperties.Peer settings, String path, String idempotencyKey,
               byte[] json) {
        URI uri = URI.create(stripSlash(settings.url().toString()) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json));
        authorize(request, settings);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PeerCallFailed(peer, "PUT " + uri + ": no answer within " + timeout.toMillis() + " ms", false);
        } catch (IOException e) {
            throw new PeerCallFailed(peer, "PUT " + uri + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerCallFailed(peer, "PUT " + uri + ": interrupted", false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw new PeerCallFailed(peer, "PUT " + uri + " answered " + status + ": " + excerpt(response.body()),
                isPermanent(status));
    }

    /**
     * Reads a resource of the peer's generic protocol.
     *
     * @return the answer body, or empty when the peer answers 404
     */
    java.util.Optional<String> get(PeerSystem peer, IntegrationProperties.Peer settings, String path) {
        URI uri = URI.create(stripSlash(settings.url().toString()) + path);
        // HTTP/1.1: on plain http a body-less request would otherwise try an h2c upgrade, which peers (and
        // WireMock) may leave unanswered.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout).header("Accept", "application/json").GET();
        authorize(request, settings);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PeerCallFailed(peer, "GET " + uri + ": no answer within " + timeout.toMillis() + " ms", false);
        } catch (IOException e) {
            throw new PeerCallFailed(peer, "GET " + uri + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerCallFailed(peer, "GET " + uri + ": interrupted", false);
        }
        if (response.statusCode() == 404) {
            return java.util.Optional.empty();
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return java.util.Optional.ofNullable(response.body());
        }
        throw new PeerCallFailed(peer, "GET " + uri + " answered " + response.statusCode(),
                isPermanent(response.statusCode()));
    }

    private static void authorize(HttpRequest.Builder request, IntegrationProperties.Peer settings) {
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        } else if (settings.username() != null && !settings.username().isBlank()) {
            String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * A 4xx says the request itself is wrong (bad credentials, refused data): the same request again would fail
     * the same way, so it becomes an incident at once. Except 408 (timeout), 425 and 429 (come back later).
     */
    static boolean isPermanent(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A failed call to a peer; the message names the call, the peer's status and (the start of) its body. */
    static class PeerCallFailed extends RuntimeException {

        private final boolean permanent;

        PeerCallFailed(PeerSystem peer, String message, boolean permanent) {
            this(peer.id(), message, permanent);
        }

        /** @param peer the peer's name in the message (an e-signature provider's id, say) */
        PeerCallFailed(String peer, String message, boolean permanent) {
            super(peer + ": " + message);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }

    /** The start of a peer's answer, for an error message, an incident or a log line: never the whole of a large body. */
    static String excerpt(String body) {
        String text = body == null ? "" : body;
        return text.length() > MAX_BODY_IN_MESSAGE ? text.substring(0, MAX_BODY_IN_MESSAGE) + "…" : text;
    }
}
