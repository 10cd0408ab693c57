package dev.pactum.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Email over SMTP ({@code spring.mail.*}). Addresses come from the identity service while the caller's
 * transaction is open; the mails go out only after it commits, so a rolled-back approval sends nothing and a
 * mail server that is down never breaks an approval: failures are logged. Without {@code spring.mail.host}
 * there is no mail sender and this channel stays silent.
 */
@Component
@Order(2)
@EnableConfigurationProperties(NotificationProperties.class)
class EmailChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final UserDirectory users;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;

    EmailChannel(UserDirectory users, ObjectProvider<JavaMailSender> mailSender, ApplicationEventPublisher events,
                 NotificationProperties properties) {
        this.users = users;
        this.mailSender = mailSender;
        this.events = events;
        this.properties = properties;
    }

    record Email(String to, String subject, String body) {
    }

    /** The mails of one notification, sent once the transaction that raised it has committed. */
    record OutgoingEmails(List<Email> emails) {
    }

    @Override
    public void deliver(Notification notification, RenderedNotification text) {
        if (mailSender.getIfAvailable() == null) {
            return;
        }
        List<Email> emails = new ArrayList<>();
        for (String recipient : notification.recipients()) {
            users.emailOf(recipient).ifPresentOrElse(
                    address -> emails.add(new Email(address, text.subject(), text.body())),
                    () -> log.info("No email address for user {}: {} not mailed to them", recipient,
                            notification.kind()));
        }
        if (!emails.isEmpty()) {
            events.publishEvent(new OutgoingEmails(emails));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void sendAfterCommit(OutgoingEmails outgoing) {
        JavaMailSender sender = mailSender.getObject();
        for (Email email : outgoing.emails()) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.mailFrom());
                helper.setTo(email.to());
                helper.setSubject(email.subject());
                helper.setText(email.body());
                sender.send(message);
            } catch (MessagingException | RuntimeException e) {
                log.warn("Could not mail \"{}\" to {}: {}", email.subject(), email.to(), e.toString());
            }
        }
    }
}
