package dev.pactum.webhook;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookSubscriptionRepository extends JpaRepository<WebhookSubscription, Long> {

    List<WebhookSubscription> findAllByOrderById();
}
