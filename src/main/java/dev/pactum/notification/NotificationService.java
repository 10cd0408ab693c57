package dev.pactum.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Tells users things: renders the notification once, puts it in each recipient's in-app inbox and records one
 * delivery per channel the recipient chose for its kind (and per company robot that receives the kind); those go
 * out once the caller's transaction has committed ({@link NotificationDeliveries}).
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationTemplates templates;
    private final InAppChannel inbox;
    private final NotificationDeliveries deliveries;

    public NotificationService(NotificationTemplates templates, InAppChannel inbox,
                               NotificationDeliveries deliveries) {
        this.templates = templates;
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    public void send(Notification notification) {
        if (notification.recipients().isEmpty() && !deliveries.anyRobotReceives(notification.kind())) {
            log.info("{} for contract {} has nobody to go to", notification.kind(), notification.contractId());
            return;
        }
        RenderedNotification text = templates.render(notification);
        inbox.deliver(notification, text);
        deliveries.record(notification, text);
    }
}
