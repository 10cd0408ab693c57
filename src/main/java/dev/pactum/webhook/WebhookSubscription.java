package dev.pactum.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A receiver of webhooks: where, which events, and the secret its deliveries are signed with (sealed with a document
 * key; the audit trail shows its size only). Changed through the entity, so the audit trail records each change's
 * before and after.
 */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

    /** Taken from the table's sequence before the insert: the sealed secret is bound to it. */
    @Id
    private Long id;

    private String url;
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types")
    private List<String> eventTypes = new ArrayList<>();

    private boolean enabled;
    private String disabledReason;
    private String secretKeyId;
    private byte[] secretNonce;
    private byte[] secretSealed;

    @Column(updatable = false)
    private String createdBy;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    protected WebhookSubscription() {
    }

    WebhookSubscription(long id, String url, String description, List<String> eventTypes, String createdBy,
                        Instant now) {
        this.id = id;
        this.url = url;
        this.description = description;
        this.eventTypes = new ArrayList<>(eventTypes);
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long getId() { return id; }
    String getUrl() { return url; }
    void setUrl(String url) { this.url = url; }
    String getDescription() { return description; }
    void setDescription(String description) { this.description = description; }
    List<String> getEventTypes() { return List.copyOf(eventTypes); }
    void setEventTypes(List<String> eventTypes) { this.eventTypes = new ArrayList<>(eventTypes); }
    boolean isEnabled() { return enabled; }
    String getDisabledReason() { return disabledReason; }
    String getSecretKeyId() { return secretKeyId; }
    byte[] getSecretNonce() { return secretNonce; }
    byte[] getSecretSealed() { return secretSealed; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }

    void enable(boolean enabled, String reason) {
        this.enabled = enabled;
        this.disabledReason = enabled ? null : reason;
    }

    void sealedSecret(String keyId, byte[] nonce, byte[] sealed) {
        this.secretKeyId = keyId;
        this.secretNonce = nonce;
        this.secretSealed = sealed;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }
}
