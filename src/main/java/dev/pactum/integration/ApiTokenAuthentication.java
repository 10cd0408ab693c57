package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.security.BearerTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates API tokens as their service accounts (see {@link BearerTokens}). Scopes: {@code read} for
 * {@code GET}/{@code HEAD} under {@code /api}, {@code write} for any method there, {@code engine} for
 * {@code /engine-rest}, {@code webhooks} for {@code /api/admin/webhooks} (and only it reaches there), {@code metrics}
 * for reading {@code /actuator/prometheus} (a Prometheus scrape); nothing else (pages, the Camunda webapps, other
 * actuator endpoints) is a machine's.
 */
@Component
class ApiTokenAuthentication implements BearerTokens {

    /** Last use is written at most this often per token, not on every request. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ApiTokenAuthentication(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Found(long id, String account, List<String> groups, List<String> scopes, Instant expiresAt,
                         Instant revokedAt) {
    }

    @Override
    public Authentication authenticate(String token, String method, String path) {
        if (token == null || !token.startsWith(ServiceAccounts.TOKEN_PREFIX) || token.length() > 100) {
            throw new BadCredentialsException("not a Pactum API token");
        }
        Found found = jdbc.query("""
                        select t.id, a.name, a.groups::text, t.scopes::text, t.expires_at, t.revoked_at
                        from api_token t join service_account a on a.id = t.service_account_id
                        where t.token_sha256 = ?""",
                (rs, row) -> new Found(rs.getLong(1), rs.getString(2), read(rs.getString(3)), read(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()),
                Signatures.sha256Hex(token)).stream().findFirst()
                .orElseThrow(() -> new BadCredentialsException("unknown API token"));
        Instant now = clock.instant();
        if (found.revokedAt() != null || !now.isBefore(found.expiresAt())) {
            throw new BadCredentialsException("API token revoked or expired");
        }
        if (!covers(found.scopes(), method, path)) {
            throw new AccessDeniedException("API token without the scope for " + method + " " + path);
        }
        jdbc.update("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(now), found.id(), Timestamp.from(now.minus(LAST_USED_GRANULARITY)));
        List<GrantedAuthority> authorities = new ArrayList<>();
        found.groups().forEach(group -> authorities.add(new SimpleGrantedAuthority(group)));
        found.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(SCOPE_PREFIX + scope)));
        return UsernamePasswordAuthenticationToken.authenticated(found.account(), null, authorities);
    }

    static boolean covers(List<String> scopes, String method, String path) {
        if (path.equals("/actuator/prometheus")) {
            return READING.contains(method) && scopes.contains("metrics");
        }
        if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
            return scopes.contains("engine");
        }
        if (path.equals("/api/admin/webhooks") || path.startsWith("/api/admin/webhooks/")) {
            return scopes.contains("webhooks");
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return scopes.contains("write") || (READING.contains(method) && scopes.contains("read"));
        }
        return false;
    }

    private List<String> read(String values) {
        try {
            return json.readValue(values, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
