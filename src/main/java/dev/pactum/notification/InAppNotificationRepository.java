package dev.pactum.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InAppNotificationRepository extends JpaRepository<InAppNotification, Long> {

    Page<InAppNotification> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

    Page<InAppNotification> findByRecipientAndReadAtIsNullOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

    Optional<InAppNotification> findByIdAndRecipient(Long id, String recipient);

    List<InAppNotification> findByContractIdOrderByIdAsc(Long contractId);

    boolean existsByEventKeyAndRecipient(String eventKey, String recipient);
}
