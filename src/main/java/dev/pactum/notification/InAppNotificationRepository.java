package dev.pactum.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InAppNotificationRepository extends JpaRepository<InAppNotification, Long> {

    /**
     * The recipient's inbox at {@code now}: snoozed notifications only once their time came, then in the place of
     * when they came back; newest first.
     */
    @Query(value = """
            select n from InAppNotification n
            where n.recipient = :recipient and (n.snoozedUntil is null or n.snoozedUntil <= :now)
              and (:unreadOnly = false or n.readAt is null)
            order by coalesce(n.snoozedUntil, n.createdAt) desc, n.id desc""",
            countQuery = """
            select count(n) from InAppNotification n
            where n.recipient = :recipient and (n.snoozedUntil is null or n.snoozedUntil <= :now)
              and (:unreadOnly = false or n.readAt is null)""")
    Page<InAppNotification> inbox(String recipient, boolean unreadOnly, Instant now, Pageable page);

    Optional<InAppNotification> findByIdAndRecipient(Long id, String recipient);

    List<InAppNotification> findByContractIdOrderByIdAsc(Long contractId);

    boolean existsByEventKeyAndRecipient(String eventKey, String recipient);
}
