package dev.pactum.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.audit.AuditEntry.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every audited HTTP request as one row, after it has been served, with the user Spring Security
 * authenticated, the source address, the action and object, the HTTP status, Camunda's operation ids and the data
 * changes learnt during the request (see {@link AuditScope}).
 *
 * <p>It runs inside Spring Security's filter chain, right after the security context is loaded
 * ({@code SecurityConfiguration} puts it there), so it sees the user even when a later security filter answers
 * 401 or 403, and a login's or logout's own events.
 *
 * <p>The row is written before the response is finished, in the request's thread: when the client sees the answer,
 * the row is there. It is written after the action, so a failure to write it cannot undo the action; it is logged at
 * ERROR with the whole entry and counted ({@link AuditTrail#record}), and the response stands: answering 500 for an
 * action that did happen would only invite the client to do it again.
 */
public class AuditTrailFilter extends OncePerRequestFilter {

    /** A create's response is read for the new object's id (and a rule reload's for its versions) up to this size. */
    private static final int MAX_RESPONSE_READ = 64 * 1024;

    private final AuditTrail trail;
    private final AuditedRequests requests;
    private final SourceAddress sourceAddress;
    private final ObjectMapper json;

    AuditTrailFilter(AuditTrail trail, AuditedRequests requests, SourceAddress sourceAddress, ObjectMapper json) {
        this.trail = trail;
        this.requests = requests;
        this.sourceAddress = sourceAddress;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        AuditScope scope = new AuditScope(Instant.now(), sourceAddress.of(request), request.getMethod(), path);
        AuditedAction classified = requests.classify(request.getMethod(), path);
        boolean readResponse = classified != null && needsResponseBody(classified);
        ContentCachingResponseWrapper caching = readResponse ? new ContentCachingResponseWrapper(response) : null;
        HttpServletResponse served = caching != null ? caching : response;
        scope.open();
        int status = 500;
        try {
            chain.doFilter(request, served);
            status = served.getStatus();
        } finally {
            try {
                AuditEntry entry = entry(scope, classified, status, request, served, caching);
                if (entry != null) {
                    trail.record(entry);
                }
            } finally {
                AuditScope.close();
                if (caching != null) {
                    caching.copyBodyToResponse();
                }
            }
        }
    }

    private static boolean needsResponseBody(AuditedAction action) {
        return action.action().endsWith("_CREATE") || action.action().equals("RULES_RELOAD");
    }

    private AuditEntry entry(AuditScope scope, AuditedAction classified, int status, HttpServletRequest request,
                             HttpServletResponse response, ContentCachingResponseWrapper caching) {
        AuditedAction action = scope.securityAction() != null ? scope.securityAction() : classified;
        String actor = scope.securityAction() != null ? scope.securityActor() : authenticatedUser();
        if (action == null && !scope.sawChanges()) {
            return null;
        }
        if (actor == null) {
            // Anonymous requests are turned away with 401 before they do anything; failed logins are recorded
            // through their own event (above), so the rest is noise (browsers probing before they log in).
            return null;
        }
        if (action == null) {
            action = AuditedRequests.unrecognisedChange(scope.method, scope.path);
        }
        String detail = scope.securityDetail();
        if (action.read() && isExport(response)) {
            action = action.asExport();
        }
        if (action.read() && request.getQueryString() != null && detail == null) {
            detail = request.getQueryString();
        }
        Map<String, Map<String, Object>> before = new LinkedHashMap<>(scope.before());
        Map<String, Map<String, Object>> after = new LinkedHashMap<>(scope.after());
        if (action.objectId() == null && action.objectType() != null) {
            action = action.withObjectId(createdId(action, response, caching, scope, before, after));
        }
        if (scope.objectsLeftOut() > 0) {
            detail = (detail == null ? "" : detail + "; ") + scope.objectsLeftOut() + " more changed objects not listed";
        }
        return new AuditEntry(scope.startedAt, actor, scope.sourceIp, action.action(), action.objectType(),
                action.objectId(),
                scope.securityOutcome() != null ? scope.securityOutcome() : Outcome.ofStatus(status), status, scope.method, scope.path,
                scope.engineOperationIds().isEmpty() ? null : String.join(",", scope.engineOperationIds()),
                toJson(before), toJson(after), detail);
    }

    /** The new object's id: the engine's log names it, or the response's Location or JSON {@code id} does. */
    private String createdId(AuditedAction action, HttpServletResponse response, ContentCachingResponseWrapper caching,
                             AuditScope scope, Map<String, Map<String, Object>> before,
                             Map<String, Map<String, Object>> after) {
        String fromEngine = scope.engineObjectId(action.objectType());
        if (fromEngine != null) {
            return fromEngine;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (location != null && response.getStatus() == 201) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        JsonNode body = responseJson(caching);
        if (body == null) {
            return null;
        }
        if (action.action().equals("RULES_RELOAD") && body.hasNonNull("version")) {
            before.put("RuleSet", Map.of("version", body.path("previousVersion").asText()));
            after.put("RuleSet", Map.of("version", body.path("version").asText()));
            return body.path("version").asText();
        }
        return body.hasNonNull("id") ? body.get("id").asText() : null;
    }

    private JsonNode responseJson(ContentCachingResponseWrapper caching) {
        if (caching == null || caching.getContentSize() == 0 || caching.getContentSize() > MAX_RESPONSE_READ
                || caching.getContentType() == null || !caching.getContentType().contains("json")) {
            return null;
        }
        try {
            return json.readTree(caching.getContentAsByteArray());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isExport(HttpServletResponse response) {
        String type = response.getContentType();
        return type != null && (type.startsWith("text/csv") || type.contains("spreadsheetml"));
    }

    private static String authenticatedUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    private String toJson(Map<String, Map<String, Object>> state) {
        if (state.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            return "{\"unreadable\":\"" + e.getOriginalMessage().replace('"', '\'') + "\"}";
        }
    }
}
