package io.switchboard.meta;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The pages, Instagram accounts and WhatsApp numbers this connector serves, by id. */
final class MetaAccounts {

    private final Map<String, MetaProperties.Page> pages;
    private final Map<String, MetaProperties.Instagram> instagram;
    private final Map<String, MetaProperties.WhatsApp> whatsapp;

    MetaAccounts(MetaProperties properties) {
        this.pages = index(properties.pages(), MetaProperties.Page::pageId, "pages[].page-id");
        this.instagram = index(properties.instagram(), MetaProperties.Instagram::accountId, "instagram[].account-id");
        this.whatsapp = index(properties.whatsapp(), MetaProperties.WhatsApp::phoneNumberId,
                "whatsapp[].phone-number-id");
    }

    Optional<MetaProperties.Page> page(String pageId) {
        return Optional.ofNullable(pageId == null ? null : pages.get(pageId));
    }

    Optional<MetaProperties.Instagram> instagram(String accountId) {
        return Optional.ofNullable(accountId == null ? null : instagram.get(accountId));
    }

    Optional<MetaProperties.WhatsApp> whatsapp(String phoneNumberId) {
        return Optional.ofNullable(phoneNumberId == null ? null : whatsapp.get(phoneNumberId));
    }

    /** Whether {@code account} is one of ours on {@code channel}. */
    boolean serves(ChannelType channel, String account) {
        return switch (channel) {
            case MESSENGER -> pages.containsKey(account);
            case INSTAGRAM -> instagram.containsKey(account);
            case WHATSAPP -> whatsapp.containsKey(account);
            default -> false;
        };
    }

    boolean serves(ChannelAddress target) {
        return target != null && serves(target.channel(), target.account());
    }

    /** The access token of a Messenger page or Instagram account; empty for other channels or unknown ids. */
    Optional<String> messagingToken(ChannelType channel, String account) {
        return switch (channel) {
            case MESSENGER -> page(account).map(MetaProperties.Page::accessToken);
            case INSTAGRAM -> instagram(account).map(MetaProperties.Instagram::accessToken);
            default -> Optional.empty();
        };
    }

    /** Whether replies of {@code channel}/{@code account} may use the HUMAN_AGENT tag. */
    boolean humanAgentTag(ChannelType channel, String account) {
        return switch (channel) {
            case MESSENGER -> page(account).map(MetaProperties.Page::humanAgentTag).orElse(false);
            case INSTAGRAM -> instagram(account).map(MetaProperties.Instagram::humanAgentTag).orElse(false);
            default -> false;
        };
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id, String property) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            if (byId.put(id.apply(item), item) != null) {
                throw new IllegalStateException("hub.channels.meta." + property + " '" + id.apply(item)
                        + "' is configured twice; remove the duplicate");
            }
        }
        return Map.copyOf(byId);
    }
}
