package io.switchboard.inbox.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ChannelActivity;
import io.switchboard.core.spi.ConnectorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: every connector the hub ships, enabled or not, with its accounts (secrets redacted) and
 * each account's activity on this node: last inbound, last outbound, last error. ADMIN role only.
 */
@RestController
@Tag(name = "Admin")
class ChannelsController {

    private final ObjectProvider<ConnectorStatus> connectors;
    private final ChannelActivity activity;

    ChannelsController(ObjectProvider<ConnectorStatus> connectors, ChannelActivity activity) {
        this.connectors = connectors;
        this.activity = activity;
    }

    @GetMapping("/api/admin/channels")
    @Operation(summary = "Connectors, enabled or not, their accounts and health (secrets redacted)")
    List<ConnectorView> channels() {
        Map<String, ConnectorStatus> enabled = connectors.orderedStream()
                .collect(Collectors.toMap(ConnectorStatus::name, Function.identity(), (a, b) -> a));
        Map<String, List<ChannelType>> all = new TreeMap<>(ConnectorStatus.KNOWN);
        enabled.values().forEach(c -> all.putIfAbsent(c.name(), List.of()));
        List<ChannelActivity.Health> health = activity.snapshot();
        List<ConnectorView> views = new ArrayList<>();
        all.forEach((name, channels) -> {
            ConnectorStatus status = enabled.get(name);
            List<AccountView> accounts = status == null ? List.of()
                    : status.accounts().stream().map(a -> AccountView.of(a, health)).toList();
            views.add(new ConnectorView(name, status != null, channels, accounts));
        });
        return views;
    }

    /** A connector: enabled when its {@code hub.channels.<name>.enabled} is true. */
    record ConnectorView(String name, boolean enabled, List<ChannelType> channels, List<AccountView> accounts) {
    }

    /** One account with its settings (secrets as {@code ***}) and its activity since this node started. */
    record AccountView(ChannelType channel, String account, Map<String, Object> settings, HealthView health) {

        static AccountView of(ConnectorStatus.Account account, List<ChannelActivity.Health> health) {
            HealthView seen = health.stream()
                    .filter(h -> h.channel() == account.channel() && h.account().equals(account.account()))
                    .findFirst()
                    .map(h -> new HealthView(h.lastInbound(), h.lastOutbound(), h.lastErrorAt(), h.lastError()))
                    .orElse(new HealthView(null, null, null, null));
            return new AccountView(account.channel(), account.account(), account.settings(), seen);
        }
    }

    /** When the account last received, sent and failed (null: not since this node started). */
    record HealthView(java.time.Instant lastInbound, java.time.Instant lastOutbound, java.time.Instant lastErrorAt,
                      String lastError) {
    }
}
