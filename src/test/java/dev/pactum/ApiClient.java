package dev.pactum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Real HTTP against the running test app, as a demo user (password = user name), for the API tests. */
@Component
public class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;
    private final ObjectMapper json;

    public ApiClient(Environment environment, ObjectMapper json) {
        this.environment = environment;
        this.json = json;
    }

    /** Sends JSON (or nothing) and reads the answer as JSON; {@code language} goes in Accept-Language if given. */
    public Response send(String user, String method, String path, String body, String language)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(user, method, path, body, language).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? null : json.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed);
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request.build(), body);
    }

    public HttpRequest.Builder request(String user, String method, String path, String body, String language) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    public URI uri(String path) {
        // The port is known only once the server has started, after this bean was made.
        return URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path);
    }

    public record Response(int status, String contentType, JsonNode body) {

        /** The names of the fields a problem+json validation answer lists. */
        public List<String> fields() {
            List<String> names = new ArrayList<>();
            body.get("errors").forEach(error -> names.add(error.get("field").asText()));
            return names;
        }
    }
}
