package dev.pactum.notification;

import java.io.StringWriter;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The notification texts, {@code templates/notifications/<kind>.vm}: each sets {@code $subject} and renders the
 * body, Chinese first and English below. Plain text: unlike the contract templates' engine
 * (the document feature's), nothing is XML-escaped, or a customer "A&B" would read
 * "A&amp;B" in a mail; hence an engine of its own with the same loader and strictness.
 */
@Component
class NotificationTemplates {

    static final String FOLDER = "templates/notifications/";

    private final VelocityEngine velocity;

    public NotificationTemplates() {
        Properties settings = new Properties();
        settings.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        settings.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        settings.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        settings.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        velocity = new VelocityEngine(settings);
        velocity.init();
    }

    public RenderedNotification render(Notification notification) {
        Template template = velocity.getTemplate(FOLDER + notification.kind().template() + ".vm", "UTF-8");
        VelocityContext context = new VelocityContext();
        notification.model().forEach(context::put);
        context.put("link", notification.link() == null ? "" : notification.link());
        StringWriter body = new StringWriter();
        template.merge(context, body);
        Object subject = context.get("subject");
        if (subject == null) {
            throw new IllegalStateException(FOLDER + notification.kind().template() + ".vm sets no $subject");
        }
        return new RenderedNotification(subject.toString().strip(), body.toString().strip());
    }
}
