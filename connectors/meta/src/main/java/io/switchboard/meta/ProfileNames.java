package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.core.model.ChannelType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer names from the Graph API ({@code GET /{psid}?fields=first_name,last_name} for Messenger,
 * {@code ?fields=name,username} for Instagram), cached in a bounded cache with expiry so a busy conversation
 * does not cost one lookup per message. A failed lookup never stops a message: it arrives without a name.
 */
final class ProfileNames {

    private static final Logger log = LoggerFactory.getLogger(ProfileNames.class);
    /** Cached for a lookup Meta refused (no permission, user gone): asking again for every message won't help. */
    private static final String UNKNOWN = "";

    private final GraphClient graph;
    private final Cache<String, String> cache;

    ProfileNames(GraphClient graph, Duration ttl, int maxSize) {
        this.graph = graph;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
    }

    /** The customer's display name, or null when Meta does not tell. */
    String nameOf(ChannelType channel, String account, String userId, String accessToken) {
        String key = channel + ":" + account + ":" + userId;
        String cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        Optional<String> fetched = fetch(channel, userId, accessToken);
        fetched.ifPresent(name -> cache.put(key, name));
        return fetched.filter(name -> !name.isEmpty()).orElse(null);
    }

    /** Empty when the lookup failed transiently (not cached, tried again next time). */
    private Optional<String> fetch(ChannelType channel, String userId, String accessToken) {
        String fields = channel == ChannelType.INSTAGRAM ? "name,username" : "first_name,last_name";
        try {
            JsonNode profile = graph.get(userId, Map.of("fields", fields), GraphClient.Auth.param(accessToken));
            return Optional.of(channel == ChannelType.INSTAGRAM ? instagramName(profile) : messengerName(profile));
        } catch (GraphException e) {
            log.warn("No profile name for {} user {}: {}", channel, userId, e.getMessage());
            return e.isTransient() ? Optional.empty() : Optional.of(UNKNOWN);
        }
    }

    private static String messengerName(JsonNode profile) {
        String name = (profile.path("first_name").asText("") + " " + profile.path("last_name").asText("")).strip();
        return name.isEmpty() ? UNKNOWN : name;
    }

    private static String instagramName(JsonNode profile) {
        String name = profile.path("name").asText("").strip();
        String username = profile.path("username").asText("").strip();
        if (!name.isEmpty()) {
            return name;
        }
        return username.isEmpty() ? UNKNOWN : "@" + username;
    }
}
