package dev.pactum.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One user's choices, checked: where each kind of notification goes besides the inbox, when not to disturb them,
 * and the addresses of their own channels.
 *
 * @param quietHours null for none
 * @param channels   per kind; a kind not here goes by email
 * @param dingtalk   the user's own DingTalk robot (webhook and secret), or null; likewise wecom, feishu, slack
 * @param phone      a mainland mobile number (11 digits), or null
 */
record NotificationPreferences(ZoneId zone, QuietHours quietHours, Map<NotificationKind, Set<ChannelType>> channels,
                               Address dingtalk, Address wecom, Address feishu, Address slack, String phone) {

    static final Set<ChannelType> DEFAULT_CHANNELS = Set.of(ChannelType.EMAIL);

    static NotificationPreferences defaults(ZoneId zone) {
        return new NotificationPreferences(zone, null, Map.of(), null, null, null, null, null);
    }

    static NotificationPreferences of(String zone, LocalTime quietFrom, LocalTime quietTo,
                                      Map<String, List<String>> channelsByName, Address dingtalk, Address wecom,
                                      Address feishu, Address slack, String phone) {
        Map<NotificationKind, Set<ChannelType>> channels = new EnumMap<>(NotificationKind.class);
        channelsByName.forEach((kind, names) -> {
            Set<ChannelType> set = EnumSet.noneOf(ChannelType.class);
            names.forEach(name -> set.add(ChannelType.valueOf(name)));
            channels.put(NotificationKind.valueOf(kind), set);
        });
        return new NotificationPreferences(ZoneId.of(zone),
                quietFrom == null ? null : new QuietHours(quietFrom, quietTo), channels, dingtalk, wecom, feishu,
                slack, phone);
    }

    Set<ChannelType> channelsFor(NotificationKind kind) {
        return channels.getOrDefault(kind, DEFAULT_CHANNELS);
    }

    /** The user's own address for a channel (not email: that is the identity service's). */
    Optional<Address> addressFor(ChannelType channel) {
        return Optional.ofNullable(switch (channel) {
            case DINGTALK -> dingtalk;
            case WECOM -> wecom;
            case FEISHU -> feishu;
            case SLACK -> slack;
            case SMS -> phone == null ? null : Address.of(phone);
            case EMAIL -> null;
        });
    }

    /** When a message that is not urgent may go out: now, or the end of the quiet hours it falls in. */
    Instant notBefore(Instant now) {
        return quietHours == null ? now : quietHours.endIfWithin(now, zone).orElse(now);
    }

    Map<String, List<String>> channelsByName() {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        channels.forEach((kind, set) -> byName.put(kind.name(), set.stream().map(Enum::name).sorted().toList()));
        return byName;
    }

    /** From {@code from} (inclusive) to {@code to} (exclusive), local time; may span midnight (22:00–08:00). */
    record QuietHours(LocalTime from, LocalTime to) {

        Optional<Instant> endIfWithin(Instant now, ZoneId zone) {
            ZonedDateTime local = now.atZone(zone);
            LocalTime time = local.toLocalTime();
            boolean spansMidnight = from.isAfter(to);
            boolean within = spansMidnight
                    ? !time.isBefore(from) || time.isBefore(to)
                    : !time.isBefore(from) && time.isBefore(to);
            if (!within) {
                return Optional.empty();
            }
            LocalDate endDay = spansMidnight && !time.isBefore(from) ? local.toLocalDate().plusDays(1)
                    : local.toLocalDate();
            return Optional.of(ZonedDateTime.of(endDay, to, zone).toInstant());
        }
    }
}
