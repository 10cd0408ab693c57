package dev.pactum.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins (or a token with the {@code webhooks} scope) manage webhook subscriptions and read the delivery log. */
@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Webhooks", description = """
        Signed webhooks to other systems (admins, or an API token with the `webhooks` scope).

        Each delivery is `POST <url>` with a JSON body `{id, type, occurredAt, contract: {id, number, title, status, \
        amount, currency, customer: {id, name, creditCode}}, data: {...}}` and the headers `X-Pactum-Event-Id` \
        (the event's id: the same on every retry and replay, de-duplicate by it), `X-Pactum-Event-Type`, \
        `X-Pactum-Timestamp` (Unix seconds of this attempt), `X-Pactum-Attempt` and `X-Pactum-Signature: \
        sha256=<lower-case hex of HMAC-SHA256(secret, timestamp + "." + body)>`, over the exact bytes of the body: \
        the same scheme Pactum checks on events it receives. Verify it in constant time and refuse timestamps more \
        than a few minutes old.

        Answer 2xx to take it. 410 Gone switches the subscription off; any other 4xx (except 408, 425, 429) and 3xx \
        (redirects are not followed) fail it at once without retries; anything else, a timeout or no connection is \
        tried again after 1, 2, 4 … minutes (`pactum.webhooks.*`), then marked FAILED. Event types: \
        contract.created, contract.submitted, contract.approved, contract.rejected, contract.signed, \
        contract.activated, payment.received, payment.overdue, contract.expiring, contract.renewed, \
        contract.expired, contract.terminated.""")
class WebhookController {

    record NewSubscription(String url, String description, List<String> events) {
    }

    record SubscriptionChange(String url, String description, List<String> events, Boolean enabled) {
    }

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @Operation(summary = "Subscribe a URL to event types; the answer holds the signing secret, shown only this once",
            description = "The URL must be https (plain http only to this machine, where pactum.webhooks.allow-loopback"
                    + " is on: development and tests). Refused: cloud metadata addresses (169.254.169.254,"
                    + " 100.100.100.200, fd00:ec2::254), link-local, unspecified and multicast addresses, this machine"
                    + " (unless allow-loopback), private networks when pactum.webhooks.allow-private is off.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WebhookSubscriptions.WithSecret create(@RequestBody NewSubscription subscription) {
        return subscriptions.create(subscription.url(), subscription.description(), subscription.events());
    }

    @Operation(summary = "Every subscription (never a secret)")
    @GetMapping
    List<WebhookSubscriptions.View> list() {
        return subscriptions.list();
    }

    @Operation(summary = "One subscription")
    @GetMapping("/{id}")
    WebhookSubscriptions.View get(@PathVariable long id) {
        return subscriptions.get(id);
    }

    @Operation(summary = "Change the URL, description or event types, or switch it off or on (fields left out stay)")
    @PatchMapping("/{id}")
    WebhookSubscriptions.View change(@PathVariable long id, @RequestBody SubscriptionChange change) {
        return subscriptions.update(id, change.url(), change.description(), change.events(), change.enabled());
    }

    @Operation(summary = "Delete a subscription with its deliveries and their log")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        subscriptions.delete(id);
    }

    @Operation(summary = "Make a new signing secret (shown only this once); the old one signs nothing from now on")
    @PostMapping("/{id}/secret")
    WebhookSubscriptions.WithSecret rotateSecret(@PathVariable long id) {
        return subscriptions.rotateSecret(id);
    }

    @Operation(summary = "Deliveries, newest first: status (PENDING, DELIVERED, FAILED), attempts, last answer")
    @GetMapping("/deliveries")
    List<WebhookDeliveries.Delivery> deliveries(@RequestParam(required = false) Long subscriptionId,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String eventId,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        return deliveries.list(subscriptionId, status, eventId, page, size);
    }

    @Operation(summary = "One delivery: the body it sends and every attempt (status, duration, start of the answer)")
    @GetMapping("/deliveries/{id}")
    WebhookDeliveries.Detail delivery(@PathVariable long id) {
        return deliveries.get(id);
    }

    @Operation(summary = "Send a delivery again (same event id and body) with a fresh retry cycle")
    @PostMapping("/deliveries/{id}/replay")
    WebhookDeliveries.Delivery replay(@PathVariable long id) {
        return deliveries.replay(id);
    }
}
