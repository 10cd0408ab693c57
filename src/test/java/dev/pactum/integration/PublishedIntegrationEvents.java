package dev.pactum.integration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** What the integration published for the payment schedule, as a listener in the obligation feature would see it. */
@Component
public class PublishedIntegrationEvents {

    private final List<PaymentReported> payments = new CopyOnWriteArrayList<>();
    private final List<ProjectMilestoneAccepted> acceptances = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(PaymentReported payment) {
        payments.add(payment);
    }

    @TransactionalEventListener
    void on(ProjectMilestoneAccepted acceptance) {
        acceptances.add(acceptance);
    }

    public List<PaymentReported> payments(String eventId) {
        return payments.stream().filter(payment -> payment.eventId().equals(eventId)).toList();
    }

    public List<ProjectMilestoneAccepted> acceptances(String eventId) {
        return acceptances.stream().filter(acceptance -> acceptance.eventId().equals(eventId)).toList();
    }
}
