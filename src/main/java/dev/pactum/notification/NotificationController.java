package dev.pactum.notification;

import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "通知 · the caller's in-app inbox")
class NotificationController {

    private final InAppNotificationRepository inbox;
    private final CurrentUser currentUser;
    private final Clock clock;

    public NotificationController(InAppNotificationRepository inbox, CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first; unread=true for the unread ones only. Snoozed ones are left"
            + " out until their time, then listed unread where they came back")
    @Transactional(readOnly = true)
    public PagedModel<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unread,
            @PageableDefault(size = 20) Pageable page) {
        // Always newest first, whatever sort was asked for.
        Pageable unsorted = PageRequest.of(page.getPageNumber(), page.getPageSize());
        String me = currentUser.username();
        Page<InAppNotification> found = inbox.inbox(me, unread, clock.instant(), unsorted);
        return new PagedModel<>(found.map(NotificationView::of));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read (someone else's answers 404)")
    @Transactional
    public NotificationView read(@PathVariable long id) {
        InAppNotification notification = inbox.findByIdAndRecipient(id, currentUser.username())
                .orElseThrow(() -> DomainException.notFound("pactum.notification.notFound", id));
        notification.markRead(clock.instant());
        return NotificationView.of(notification);
    }

    @PostMapping("/{id}/snooze")
    @Operation(summary = "Snooze one of my notifications: {\"for\":\"P1D\"} or \"P7D\", or {\"until\": a time within 30"
            + " days}. Hidden until then, it comes back unread; someone else's answers 404")
    @Transactional
    public NotificationView snooze(@PathVariable long id, @RequestBody SnoozeRequest request) {
        Instant until = request.resolve(clock.instant());
        InAppNotification notification = inbox.findByIdAndRecipient(id, currentUser.username())
                .orElseThrow(() -> DomainException.notFound("pactum.notification.notFound", id));
        notification.snooze(until);
        return NotificationView.of(notification);
    }

    /** @param snoozedUntil hidden from the inbox until then, if it was snoozed */
    public record NotificationView(long id, String kind, String subject, String body, String link, Long contractId,
                                   Instant createdAt, Instant readAt, boolean read, Instant snoozedUntil) {

        static NotificationView of(InAppNotification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getSubject(), n.getBody(), n.getLink(),
                    n.getContractId(), n.getCreatedAt(), n.getReadAt(), n.getReadAt() != null, n.getSnoozedUntil());
        }
    }
}
