package dev.pactum.notification;

import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/notifications/failed")
@Tag(name = "Failed notifications", description = "发送失败的通知 · messages that ran out of attempts (admins)")
class FailedNotificationsController {

    static final String ADMINS = "camunda-admin";
    private static final int MAX_PAGE_SIZE = 200;

    private final NotificationDeliveries deliveries;
    private final CurrentUser currentUser;

    FailedNotificationsController(NotificationDeliveries deliveries, CurrentUser currentUser) {
        this.deliveries = deliveries;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Messages that failed after their last attempt, newest first")
    public FailedPage failed(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        requireAdmin();
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        return new FailedPage(deliveries.failed(pageNumber, pageSize), deliveries.failedCount(), pageNumber, pageSize);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a failed message again now (a new round of attempts); answers where it stands")
    public NotificationDeliveries.DeliveryState retry(@PathVariable long id) {
        requireAdmin();
        return deliveries.retry(id, currentUser.username()).orElseThrow(() -> deliveries.exists(id)
                ? DomainException.conflict("pactum.notification.delivery.notFailed", id)
                : DomainException.notFound("pactum.notification.delivery.notFound", id));
    }

    private void requireAdmin() {
        if (!currentUser.isMemberOf(ADMINS)) {
            throw DomainException.forbidden("pactum.notification.delivery.adminsOnly");
        }
    }

    record FailedPage(List<NotificationDeliveries.FailedDelivery> items, long total, int page, int size) {
    }
}
