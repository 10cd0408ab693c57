package dev.pactum.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP ({@code spring.mail.*}). Without {@code spring.mail.host} there is no mail sender, nobody is
 * offered email and this channel is never called.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    boolean available() {
        return mailSender.getIfAvailable() != null;
    }

    @Override
    public void send(OutgoingMessage message, Address to) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailed("no mail server is configured (spring.mail.host)", true);
        }
        try {
            MimeMessage mail = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mailFrom());
            helper.setTo(to.target());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            sender.send(mail);
        } catch (MessagingException e) {
            throw new DeliveryFailed("could not write the mail to " + to + ": " + e.getMessage(), true);
        } catch (MailException e) {
            throw new DeliveryFailed("could not mail " + to + ": " + e.getMessage(), false);
        }
    }
}
