package dev.pactum.notification;

import java.util.Map;

/**
 * One notification as a channel sends it.
 *
 * @param eventKey what happened (see {@link Notification#eventKey()}), also the SMS provider's out id
 * @param model    the template's values as text (SMS templates take some of them as parameters)
 */
record OutgoingMessage(String eventKey, NotificationKind kind, String subject, String body, String link,
                       Map<String, String> model) {
}
