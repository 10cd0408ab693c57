package dev.pactum.webhook;

import dev.pactum.document.DocumentCipher;
import dev.pactum.document.SealedContent;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions, managed by admins: a URL (checked against server-side request forgery, see
 * {@link WebhookUrls}), the event types it wants, and a signing secret Pactum makes, shows once and keeps sealed with
 * the active document key.
 */
@Service
@Transactional
public class WebhookSubscriptions {

    static final String SECRET_PREFIX = "whsec_";
    private static final int MAX_DESCRIPTION = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription as the API shows it; never its secret. */
    public record View(long id, String url, String description, List<String> events, boolean enabled,
                       String disabledReason, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    /** A subscription with the secret just made: the only time it is shown. */
    public record WithSecret(View subscription, String secret) {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookAccess access;
    private final WebhookProperties settings;
    private final DocumentCipher cipher;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookAccess access,
                         WebhookProperties settings, DocumentCipher cipher, JdbcTemplate jdbc, Clock clock) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.settings = settings;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public WithSecret create(String url, String description, List<String> events) {
        access.require();
        List<FieldProblem> problems = new ArrayList<>();
        WebhookUrls.problem(url, settings).ifPresent(problems::add);
        List<String> types = eventTypes(events, problems);
        description(description, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        long id = jdbc.queryForObject("select nextval('webhook_subscription_id_seq')", Long.class);
        WebhookSubscription subscription = new WebhookSubscription(id, url.trim(), blankToNull(description), types,
                access.who(), clock.instant());
        String secret = seal(subscription);
        return new WithSecret(view(subscriptions.saveAndFlush(subscription)), secret);
    }

    @Transactional(readOnly = true)
    public List<View> list() {
        access.require();
        return subscriptions.findAllByOrderById().stream().map(WebhookSubscriptions::view).toList();
    }

    @Transactional(readOnly = true)
    public View get(long id) {
        access.require();
        return view(find(id));
    }

    /** Changes what is given (null: unchanged); enabling again clears why Pactum had switched it off. */
    public View update(long id, String url, String description, List<String> events, Boolean enabled) {
        access.require();
        WebhookSubscription subscription = find(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (url != null) {
            WebhookUrls.problem(url, settings).ifPresent(problems::add);
        }
        List<String> types = events == null ? null : eventTypes(events, problems);
        if (description != null) {
            description(description, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (url != null) {
            subscription.setUrl(url.trim());
        }
        if (types != null) {
            subscription.setEventTypes(types);
        }
        if (description != null) {
            subscription.setDescription(blankToNull(description));
        }
        if (enabled != null) {
            subscription.enable(enabled, null);
        }
        subscription.touched(clock.instant());
        return view(subscriptions.saveAndFlush(subscription));
    }

    /** Deletes it with its deliveries and their log. */
    public void delete(long id) {
        access.require();
        subscriptions.delete(find(id));
    }

    /** A new secret; the old one signs nothing from now on. */
    public WithSecret rotateSecret(long id) {
        access.require();
        WebhookSubscription subscription = find(id);
        String secret = seal(subscription);
        subscription.touched(clock.instant());
        return new WithSecret(view(subscriptions.saveAndFlush(subscription)), secret);
    }

    /** The secret deliveries are signed with, for the dispatcher. */
    static String secret(DocumentCipher cipher, long id, String keyId, byte[] nonce, byte[] sealed) {
        return new String(cipher.openSecret(new SealedContent(keyId, nonce, sealed), context(id)),
                StandardCharsets.UTF_8);
    }

    private String seal(WebhookSubscription subscription) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        SealedContent sealed = cipher.sealSecret(secret.getBytes(StandardCharsets.UTF_8),
                context(subscription.getId()));
        subscription.sealedSecret(sealed.keyId(), sealed.nonce(), sealed.bytes());
        return secret;
    }

    private static String context(long id) {
        return "webhook_subscription:" + id;
    }

    private WebhookSubscription find(long id) {
        return subscriptions.findById(id)
                .orElseThrow(() -> DomainException.notFound("pactum.webhook.subscriptionUnknown", id));
    }

    private static List<String> eventTypes(List<String> events, List<FieldProblem> problems) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : events == null ? List.<String>of() : events) {
            Optional<WebhookEventType> type = WebhookEventType.ofWireName(name);
            if (type.isEmpty()) {
                problems.add(new FieldProblem("events", "pactum.webhook.validation.eventUnknown", name,
                        String.join(", ", WebhookEventType.wireNames())));
                return List.of();
            }
            types.add(type.get());
        }
        if (types.isEmpty()) {
            problems.add(new FieldProblem("events", "pactum.webhook.validation.eventsRequired",
                    String.join(", ", WebhookEventType.wireNames())));
        }
        return types.stream().map(WebhookEventType::wireName).toList();
    }

    private static void description(String description, List<FieldProblem> problems) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "pactum.webhook.validation.tooLong", MAX_DESCRIPTION));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static View view(WebhookSubscription subscription) {
        return new View(subscription.getId(), subscription.getUrl(), subscription.getDescription(),
                subscription.getEventTypes(), subscription.isEnabled(), subscription.getDisabledReason(),
                subscription.getCreatedBy(), subscription.getCreatedAt(), subscription.getUpdatedAt());
    }
}
