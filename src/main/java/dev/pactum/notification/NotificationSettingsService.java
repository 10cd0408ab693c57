package dev.pactum.notification;

import dev.pactum.config.PactumProperties;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's notification settings: read with defaults, replaced only when every field is valid. */
@Service
class NotificationSettingsService {

    /** Where each provider's robots live; personal webhooks may point nowhere else (no requests to inner hosts). */
    static final Map<ChannelType, List<String>> PROVIDER_HOSTS = Map.of(
            ChannelType.DINGTALK, List.of("oapi.dingtalk.com"),
            ChannelType.WECOM, List.of("qyapi.weixin.qq.com"),
            ChannelType.FEISHU, List.of("open.feishu.cn", "open.larksuite.com"),
            ChannelType.SLACK, List.of("hooks.slack.com"));

    static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("^(?:\\+?86)?(1[3-9]\\d{9})$");
    private static final int MAX_WEBHOOK = 500;
    private static final int MAX_SECRET = 200;

    private final NotificationSettingsRepository settings;
    private final NotificationProperties properties;
    private final PactumProperties pactum;
    private final UserDirectory users;
    private final EmailChannel email;
    private final Clock clock;

    NotificationSettingsService(NotificationSettingsRepository settings, NotificationProperties properties,
                                PactumProperties pactum, UserDirectory users, EmailChannel email, Clock clock) {
        this.settings = settings;
        this.properties = properties;
        this.pactum = pactum;
        this.users = users;
        this.email = email;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NotificationPreferences preferences(String userId) {
        return settings.findById(userId).map(NotificationSettings::preferences)
                .orElseGet(() -> NotificationPreferences.defaults(pactum.zone()));
    }

    /** Replaces the user's settings; a secret left out keeps the one stored for the same webhook. */
    @Transactional
    NotificationPreferences replace(String userId, SettingsRequest request) {
        NotificationPreferences current = preferences(userId);
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = zone(request.zone(), problems);
        NotificationPreferences.QuietHours quiet = quietHours(request.quietHours(), problems);
        Address dingtalk = webhook("dingtalk", ChannelType.DINGTALK, request.dingtalk(), current.dingtalk(), problems);
        Address wecom = webhook("wecom", ChannelType.WECOM, request.wecom(), current.wecom(), problems);
        Address feishu = webhook("feishu", ChannelType.FEISHU, request.feishu(), current.feishu(), problems);
        Address slack = webhook("slack", ChannelType.SLACK, request.slack(), current.slack(), problems);
        String phone = phone(request.phone(), problems);
        NotificationPreferences partial = new NotificationPreferences(zone, quiet, Map.of(), dingtalk, wecom, feishu,
                slack, phone);
        Map<NotificationKind, Set<ChannelType>> channels = channels(userId, request.channels(), partial, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        NotificationPreferences chosen = new NotificationPreferences(zone, quiet, channels, dingtalk, wecom, feishu,
                slack, phone);
        NotificationSettings row = settings.findById(userId).orElseGet(() -> new NotificationSettings(userId));
        row.replace(chosen, clock.instant());
        settings.save(row);
        return chosen;
    }

    /** The channels a user may choose at all (email needs a mail server, SMS needs Aliyun set up). */
    Set<ChannelType> offered() {
        Set<ChannelType> offered = EnumSet.of(ChannelType.DINGTALK, ChannelType.WECOM, ChannelType.FEISHU,
                ChannelType.SLACK);
        if (email.available()) {
            offered.add(ChannelType.EMAIL);
        }
        if (properties.sms().enabled()) {
            offered.add(ChannelType.SMS);
        }
        return offered;
    }

    private ZoneId zone(String zone, List<FieldProblem> problems) {
        if (zone == null || zone.isBlank()) {
            return pactum.zone();
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "pactum.notification.settings.zone", zone));
            return pactum.zone();
        }
    }

    private NotificationPreferences.QuietHours quietHours(SettingsRequest.QuietHours quiet, List<FieldProblem> problems) {
        if (quiet == null || (blank(quiet.from()) && blank(quiet.to()))) {
            return null;
        }
        if (blank(quiet.from()) || blank(quiet.to())) {
            problems.add(new FieldProblem("quietHours", "pactum.notification.settings.quietHoursIncomplete"));
            return null;
        }
        LocalTime from = time("quietHours.from", quiet.from(), problems);
        LocalTime to = time("quietHours.to", quiet.to(), problems);
        if (from == null || to == null) {
            return null;
        }
        if (from.equals(to)) {
            problems.add(new FieldProblem("quietHours", "pactum.notification.settings.quietHoursEqual"));
            return null;
        }
        return new NotificationPreferences.QuietHours(from, to);
    }

    private static LocalTime time(String field, String value, List<FieldProblem> problems) {
        try {
            return LocalTime.parse(value.strip(), HOURS);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "pactum.notification.settings.time", value));
            return null;
        }
    }

    private Address webhook(String field, ChannelType channel, SettingsRequest.Webhook request, Address current,
                            List<FieldProblem> problems) {
        if (request == null || blank(request.webhook())) {
            return null;
        }
        String url = request.webhook().strip();
        List<String> hosts = Stream.concat(PROVIDER_HOSTS.get(channel).stream(),
                properties.extraWebhookHosts().stream()).toList();
        if (url.length() > MAX_WEBHOOK) {
            problems.add(new FieldProblem(field + ".webhook", "pactum.notification.settings.tooLong", MAX_WEBHOOK));
        } else if (!allowedWebhook(url, hosts)) {
            problems.add(new FieldProblem(field + ".webhook", "pactum.notification.settings.webhook",
                    String.join(", ", hosts)));
        }
        String secret = request.secret() == null && current != null && current.target().equals(url)
                ? current.secret()
                : blank(request.secret()) ? null : request.secret().strip();
        if (secret != null && secret.length() > MAX_SECRET) {
            problems.add(new FieldProblem(field + ".secret", "pactum.notification.settings.tooLong", MAX_SECRET));
        }
        return new Address(url, secret);
    }

    /** https to a provider's host; plain http only to a configured extra host (a proxy inside the company). */
    private boolean allowedWebhook(String url, List<String> hosts) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return false;
            }
            String host = uri.getHost().toLowerCase();
            return hosts.contains(host) && ("https".equals(uri.getScheme())
                    || ("http".equals(uri.getScheme()) && properties.extraWebhookHosts().contains(host)));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String phone(String phone, List<FieldProblem> problems) {
        if (blank(phone)) {
            return null;
        }
        Matcher matcher = MAINLAND_MOBILE.matcher(phone.strip().replace(" ", "").replace("-", ""));
        if (!matcher.matches()) {
            problems.add(new FieldProblem("phone", "pactum.notification.settings.phone", phone));
            return null;
        }
        return matcher.group(1);
    }

    private Map<NotificationKind, Set<ChannelType>> channels(String userId, Map<String, List<String>> requested,
                                                             NotificationPreferences addresses,
                                                             List<FieldProblem> problems) {
        Map<NotificationKind, Set<ChannelType>> channels = new EnumMap<>(NotificationKind.class);
        if (requested == null) {
            return channels;
        }
        Set<ChannelType> offered = offered();
        for (Map.Entry<String, List<String>> entry : requested.entrySet()) {
            String field = "channels." + entry.getKey();
            NotificationKind kind = Arrays.stream(NotificationKind.values())
                    .filter(k -> k.name().equals(entry.getKey())).findFirst().orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem(field, "pactum.notification.settings.kind", entry.getKey(),
                        names(NotificationKind.values())));
                continue;
            }
            Set<ChannelType> chosen = EnumSet.noneOf(ChannelType.class);
            for (String name : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                ChannelType channel = Arrays.stream(ChannelType.values())
                        .filter(c -> c.name().equals(name)).findFirst().orElse(null);
                if (channel == null || !offered.contains(channel)) {
                    problems.add(new FieldProblem(field, "pactum.notification.settings.channel", name,
                            names(offered.toArray(new ChannelType[0]))));
                } else if (channel == ChannelType.EMAIL && users.emailOf(userId).isEmpty()) {
                    problems.add(new FieldProblem(field, "pactum.notification.settings.noEmail"));
                } else if (channel == ChannelType.SMS && !properties.sms().templates().containsKey(kind)) {
                    problems.add(new FieldProblem(field, "pactum.notification.settings.noSmsTemplate", kind.name()));
                } else if (channel != ChannelType.EMAIL && addresses.addressFor(channel).isEmpty()) {
                    problems.add(new FieldProblem(field, channel == ChannelType.SMS
                            ? "pactum.notification.settings.phoneRequired"
                            : "pactum.notification.settings.webhookRequired", channel.name()));
                } else {
                    chosen.add(channel);
                }
            }
            channels.put(kind, chosen);
        }
        return channels;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
