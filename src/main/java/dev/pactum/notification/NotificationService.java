package dev.pactum.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Tells users things through every channel: renders the notification once and hands it to each channel. */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationTemplates templates;
    private final List<NotificationChannel> channels;

    public NotificationService(NotificationTemplates templates, List<NotificationChannel> channels) {
        this.templates = templates;
        this.channels = channels;
    }

    public void send(Notification notification) {
        if (notification.recipients().isEmpty()) {
            log.info("{} for contract {} has nobody to go to", notification.kind(), notification.contractId());
            return;
        }
        RenderedNotification text = templates.render(notification);
        channels.forEach(channel -> channel.deliver(notification, text));
    }
}
