package dev.pactum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** Posts to robots and the SMS provider; a non-2xx answer or no answer is a {@link DeliveryFailed}. */
class WebhookClient {

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    WebhookClient(HttpClient http, Duration timeout, ObjectMapper json) {
        this.http = http;
        this.timeout = timeout;
        this.json = json;
    }

    /** Posts a JSON body and returns the answer, parsed (an empty or non-JSON answer is a missing node). */
    JsonNode postJson(URI uri, Object body) {
        try {
            return parse(post(uri, "application/json; charset=utf-8", json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new DeliveryFailed("could not write the message: " + e, true);
        }
    }

    /** Posts a form and returns the answer, parsed. */
    JsonNode postForm(URI uri, String form) {
        return parse(post(uri, "application/x-www-form-urlencoded; charset=utf-8",
                form.getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts and returns the raw answer of a 2xx. */
    String post(URI uri, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String where = uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailed(where + ": no answer within " + timeout.toMillis() + " ms", false);
        } catch (IOException e) {
            throw new DeliveryFailed(where + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed(where + ": interrupted", false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body() == null ? "" : response.body();
        }
        // 4xx: the request itself is wrong (no such hook, bad payload), except "too many" and timeouts.
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        throw new DeliveryFailed(where + " answered " + status + ": " + shorten(response.body()), permanent);
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    static String shorten(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…" : body;
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
