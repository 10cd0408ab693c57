package dev.pactum.obligation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's calendar feed token, by its sha-256 only; revoked tokens are kept, so the trail can name them. */
@Entity
@Table(name = "calendar_token")
class CalendarToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;
    private String tokenSha256;
    private Instant createdAt;
    private Instant revokedAt;

    protected CalendarToken() {
    }

    CalendarToken(String userId, String tokenSha256, Instant createdAt) {
        this.userId = userId;
        this.tokenSha256 = tokenSha256;
        this.createdAt = createdAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Long getId() { return id; }
    String getUserId() { return userId; }
    Instant getCreatedAt() { return createdAt; }
}
