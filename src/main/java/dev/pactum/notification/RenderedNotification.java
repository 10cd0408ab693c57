package dev.pactum.notification;

/** A notification's text, zh-CN first with English below, as its template rendered it. */
record RenderedNotification(String subject, String body) {
}
