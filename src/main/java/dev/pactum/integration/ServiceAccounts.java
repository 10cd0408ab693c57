package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.security.BearerTokens;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service accounts and their API tokens, managed by admins (people, not tokens). A token is shown once, when it is
 * issued; Pactum keeps only its sha-256, its scopes, its expiry, whether it was revoked and when it was last used.
 */
@Service
@Transactional
public class ServiceAccounts {

    /**
     * What a token may be used for: reading the API, changing through it, the engine REST API, managing webhooks
     * ({@code /api/admin/webhooks}, whatever the account's groups), Prometheus scrapes.
     */
    static final Set<String> SCOPES = Set.of("read", "write", "engine", "webhooks", "metrics");
    static final String TOKEN_PREFIX = "pct_";
    private static final Pattern NAME = Pattern.compile("svc-[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Account(long id, String name, String description, List<String> groups, String createdBy,
                          Instant createdAt) {
    }

    public record Token(long id, String name, String prefix, List<String> scopes, Instant expiresAt,
                        Instant revokedAt, Instant lastUsedAt, Instant createdAt) {
    }

    /** A token just issued: the only time its secret is shown. */
    public record IssuedToken(Token token, String secret) {
    }

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final Clock clock;

    ServiceAccounts(JdbcTemplate jdbc, IdentityService identity, CurrentUser currentUser, ObjectMapper json,
                    Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    public Account create(String name, String description, List<String> groups) {
        requireAdminPerson();
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches() || name.length() > 64) {
            problems.add(new FieldProblem("name", "pactum.integration.validation.accountName"));
        } else if (identity.createUserQuery().userId(name).count() > 0) {
            problems.add(new FieldProblem("name", "pactum.integration.validation.accountIsUser", name));
        }
        Set<String> wanted = new TreeSet<>(groups == null ? List.of() : groups);
        for (String group : wanted) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                problems.add(new FieldProblem("groups", "pactum.integration.validation.groupUnknown", group));
            }
        }
        if (description != null && description.length() > 500) {
            problems.add(new FieldProblem("description", "pactum.integration.validation.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (jdbc.queryForObject("select count(*) from service_account where name = ?", Integer.class, name) > 0) {
            throw DomainException.conflict("pactum.integration.accountExists", name);
        }
        Instant now = clock.instant();
        Long id = jdbc.queryForObject("""
                insert into service_account (name, description, groups, created_by, created_at)
                values (?, ?, ?::jsonb, ?, ?) returning id""", Long.class, name, description,
                write(List.copyOf(wanted)), currentUser.username(), Timestamp.from(now));
        return account(id);
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        requireAdminPerson();
        return jdbc.query("select * from service_account order by name", (rs, row) -> new Account(rs.getLong("id"),
                rs.getString("name"), rs.getString("description"), read(rs.getString("groups")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()));
    }

    public IssuedToken issue(long accountId, String name, List<String> scopes, Integer validDays) {
        Account account = account(accountId);
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem("name", "pactum.integration.validation.required"));
        }
        Set<String> wanted = new TreeSet<>(scopes == null ? List.of() : scopes);
        if (wanted.isEmpty() || !SCOPES.containsAll(wanted)) {
            problems.add(new FieldProblem("scopes", "pactum.integration.validation.scopes", String.join(", ",
                    new TreeSet<>(SCOPES))));
        }
        if (validDays == null || validDays < 1 || validDays > MAX_DAYS) {
            problems.add(new FieldProblem("validDays", "pactum.integration.validation.validDays", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Long id = jdbc.queryForObject("""
                insert into api_token (service_account_id, name, token_sha256, token_prefix, scopes, expires_at,
                                       created_by, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id""", Long.class, account.id(), name.trim(),
                Signatures.sha256Hex(secret), secret.substring(0, 12), write(List.copyOf(wanted)),
                Timestamp.from(now.plus(Duration.ofDays(validDays))), currentUser.username(), Timestamp.from(now));
        return new IssuedToken(token(account.id(), id), secret);
    }

    @Transactional(readOnly = true)
    public List<Token> tokens(long accountId) {
        account(accountId);
        return jdbc.query("select * from api_token where service_account_id = ? order by id",
                (rs, row) -> tokenOf(rs), accountId);
    }

    public Token revoke(long accountId, long tokenId) {
        account(accountId);
        jdbc.update("""
                update api_token set revoked_at = coalesce(revoked_at, ?), revoked_by = coalesce(revoked_by, ?)
                where id = ? and service_account_id = ?""", Timestamp.from(clock.instant()), currentUser.username(),
                tokenId, accountId);
        return token(accountId, tokenId);
    }

    private Account account(long id) {
        requireAdminPerson();
        return jdbc.query("select * from service_account where id = ?", (rs, row) -> new Account(rs.getLong("id"),
                        rs.getString("name"), rs.getString("description"), read(rs.getString("groups")),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()), id)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("pactum.integration.accountUnknown", id));
    }

    private Token token(long accountId, long tokenId) {
        return jdbc.query("select * from api_token where id = ? and service_account_id = ?",
                        (rs, row) -> tokenOf(rs), tokenId, accountId)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("pactum.integration.tokenUnknown", tokenId));
    }

    private Token tokenOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                read(rs.getString("scopes")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("created_at")));
    }

    /** Admins manage machines' access; a token, even an admin account's, never issues tokens. */
    private void requireAdminPerson() {
        boolean token = currentUser.groups().stream().anyMatch(g -> g.startsWith(BearerTokens.SCOPE_PREFIX));
        if (!currentUser.isMemberOf(Groups.CAMUNDA_ADMIN) || token) {
            throw DomainException.forbidden("pactum.integration.adminsOnly");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String values) {
        try {
            return json.readValue(values, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
