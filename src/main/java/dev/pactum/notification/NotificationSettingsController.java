package dev.pactum.notification;

import dev.pactum.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me/notification-settings")
@Tag(name = "Notification settings", description = "通知设置 · where each kind of notification reaches me, and when not")
class NotificationSettingsController {

    private final NotificationSettingsService settings;
    private final CurrentUser currentUser;

    NotificationSettingsController(NotificationSettingsService settings, CurrentUser currentUser) {
        this.settings = settings;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "My settings: channels per kind (every kind listed), quiet hours, my robots and phone")
    public SettingsView mine() {
        return view(settings.preferences(currentUser.username()));
    }

    @PutMapping
    @Operation(summary = "Replace my settings; a robot's secret left out keeps the stored one")
    public SettingsView replace(@RequestBody SettingsRequest request) {
        return view(settings.replace(currentUser.username(), request));
    }

    private SettingsView view(NotificationPreferences preferences) {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            channels.put(kind.name(), preferences.channelsFor(kind).stream().map(Enum::name).sorted().toList());
        }
        NotificationPreferences.QuietHours quiet = preferences.quietHours();
        return new SettingsView(preferences.zone().getId(),
                quiet == null ? null : new SettingsView.QuietHours(
                        NotificationSettingsService.HOURS.format(quiet.from()),
                        NotificationSettingsService.HOURS.format(quiet.to())),
                channels, WebhookView.of(preferences.dingtalk()), WebhookView.of(preferences.wecom()),
                WebhookView.of(preferences.feishu()), WebhookView.of(preferences.slack()), preferences.phone(),
                settings.offered().stream().map(Enum::name).sorted().toList(),
                Arrays.stream(NotificationKind.values()).filter(NotificationKind::urgent).map(Enum::name).toList());
    }

    /**
     * @param offeredChannels the channels this server can send through
     * @param urgentKinds     the kinds sent during quiet hours too
     */
    record SettingsView(String zone, QuietHours quietHours, Map<String, List<String>> channels, WebhookView dingtalk,
                        WebhookView wecom, WebhookView feishu, WebhookView slack, String phone,
                        List<String> offeredChannels, List<String> urgentKinds) {

        record QuietHours(String from, String to) {
        }
    }

    /** A robot's secret is never shown again, only whether one is set. */
    record WebhookView(String webhook, boolean secretSet) {

        static WebhookView of(Address address) {
            return address == null ? null : new WebhookView(address.target(), address.signed());
        }
    }
}
