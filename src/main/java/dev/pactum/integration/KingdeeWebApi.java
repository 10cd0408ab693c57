package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Kingdee 金蝶云·星空 WebAPI calls: {@code POST <url>/<service>.common.kdsvc} with a JSON body, in a session opened by
 * {@code AuthService.ValidateUser} and carried by its cookies ({@code kdservice-sessionid}, {@code ASP.NET_SessionId}).
 * Kingdee answers a refused call with HTTP 200 and {@code Result.ResponseStatus.IsSuccess: false}: that is a
 * {@link PeerClient.PeerCallFailed}, permanent (the same data would be refused again) and carrying Kingdee's
 * messages, except a lost session (MsgCode 1), which logs in once more and repeats the call.
 */
class KingdeeWebApi {

    static final String LOGIN = "Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc";
    static final String SAVE = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc";
    static final String SUBMIT = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Submit.common.kdsvc";
    static final String AUDIT = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Audit.common.kdsvc";
    static final String QUERY = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc";

    /** LoginResultType: 1 success; -5 "needs a form" (an administrator's first login), which the API may use. */
    private static final int LOGGED_IN = 1;
    private static final int LOGGED_IN_WITH_FORM = -5;
    /** ResponseStatus.MsgCode of a call whose session (context) Kingdee no longer knows. */
    private static final int SESSION_LOST = 1;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private volatile boolean loggedIn;

    KingdeeWebApi(Duration connectTimeout, Duration timeout, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Calls a service in the session, logging in first when there is none and once more when Kingdee lost it.
     *
     * @return Kingdee's answer, which said it succeeded
     */
    JsonNode call(IntegrationProperties.Peer settings, FinanceAdapterProperties.Kingdee kingdee, String service,
                  Object body) {
        if (!loggedIn) {
            login(settings, kingdee);
        }
        JsonNode answer = post(settings, service, body);
        if (sessionLost(answer)) {
            login(settings, kingdee);
            answer = post(settings, service, body);
            if (sessionLost(answer)) {
                loggedIn = false;
                throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE,
                        "Kingdee " + shortName(service) + ": session lost again right after logging in: "
                                + errors(answer), false);
            }
        }
        refuseUnlessSuccessful(service, answer);
        return answer;
    }

    private synchronized void login(IntegrationProperties.Peer settings, FinanceAdapterProperties.Kingdee kingdee) {
        cookies.getCookieStore().removeAll();
        loggedIn = false;
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("acctID", kingdee.acctId());
        credentials.put("username", settings.username());
        credentials.put("password", settings.password());
        credentials.put("lcid", kingdee.lcid());
        JsonNode answer = post(settings, LOGIN, credentials);
        int result = answer.path("LoginResultType").asInt(Integer.MIN_VALUE);
        if (result != LOGGED_IN && result != LOGGED_IN_WITH_FORM) {
            String message = answer.path("Message").asText("");
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "Kingdee login of " + settings.username()
                    + " to data centre " + kingdee.acctId() + " refused (LoginResultType " + result + "): "
                    + message, true);
        }
        loggedIn = true;
    }

    private JsonNode post(IntegrationProperties.Peer settings, String service, Object body) {
        URI uri = URI.create(stripSlash(settings.url().toString()) + "/" + service);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "POST " + uri + ": no answer within "
                    + timeout.toMillis() + " ms", false);
        } catch (IOException e) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "POST " + uri + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "POST " + uri + ": interrupted", false);
        }
        String text = response.body() == null ? "" : response.body();
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "POST " + uri + " answered " + status + ": "
                    + PeerClient.excerpt(text), PeerClient.isPermanent(status));
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE, "POST " + uri + " answered 200 without JSON: "
                    + PeerClient.excerpt(text), false);
        }
    }

    /** A form service's status: {@code Result.ResponseStatus}, or ExecuteBillQuery's {@code [[{"Result": …}]]}. */
    static JsonNode responseStatus(JsonNode answer) {
        JsonNode result = answer.path("Result");
        if (answer.isArray() && answer.path(0).path(0).isObject()) {
            result = answer.path(0).path(0).path("Result");
        }
        return result.path("ResponseStatus");
    }

    private static boolean sessionLost(JsonNode answer) {
        JsonNode status = responseStatus(answer);
        return !status.isMissingNode() && !status.path("IsSuccess").asBoolean(false)
                && status.path("MsgCode").asInt(0) == SESSION_LOST;
    }

    private static void refuseUnlessSuccessful(String service, JsonNode answer) {
        JsonNode status = responseStatus(answer);
        if (!status.isMissingNode() && !status.path("IsSuccess").asBoolean(false)) {
            throw new PeerClient.PeerCallFailed(PeerSystem.FINANCE,
                    "Kingdee " + shortName(service) + " refused: " + errors(answer), true);
        }
    }

    /** Kingdee's own words: each error's message, with the field it is about. */
    private static String errors(JsonNode answer) {
        JsonNode errors = responseStatus(answer).path("Errors");
        String joined = StreamSupport.stream(errors.spliterator(), false).map(error -> {
            String field = error.path("FieldName").asText("");
            String message = error.path("Message").asText("");
            return field.isBlank() ? message : field + ": " + message;
        }).collect(Collectors.joining("; "));
        return joined.isBlank() ? "no message (MsgCode " + responseStatus(answer).path("MsgCode").asText("?") + ")"
                : PeerClient.excerpt(joined);
    }

    private static String shortName(String service) {
        String withoutSuffix = service.replace(".common.kdsvc", "");
        return withoutSuffix.substring(withoutSuffix.lastIndexOf('.') + 1);
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is always JSON", e);
        }
    }


    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
