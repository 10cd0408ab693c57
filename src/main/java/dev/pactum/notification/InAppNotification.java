package dev.pactum.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notification in a user's in-app inbox. */
@Entity
@Table(name = "notification")
public class InAppNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String kind;
    private String subject;
    private String body;
    private String link;
    private Long contractId;
    private Instant createdAt;
    private Instant readAt;
    private String eventKey;
    private Instant snoozedUntil;

    protected InAppNotification() {
    }

    InAppNotification(String recipient, NotificationKind kind, RenderedNotification text, String link,
                      Long contractId, Instant createdAt, String eventKey) {
        this.recipient = recipient;
        this.kind = kind.template();
        this.subject = text.subject();
        this.body = text.body();
        this.link = link;
        this.contractId = contractId;
        this.createdAt = createdAt;
        this.eventKey = eventKey;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    /** Hidden from the inbox until {@code until}; then it is back, unread, as if it had just arrived. */
    void snooze(Instant until) {
        readAt = null;
        snoozedUntil = until;
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getKind() { return kind; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public Long getContractId() { return contractId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
    public String getEventKey() { return eventKey; }
    public Instant getSnoozedUntil() { return snoozedUntil; }
}
