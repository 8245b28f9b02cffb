package io.switchboard.inbox.conversation;

import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.contact.ContactView;
import io.switchboard.inbox.routing.OfflineReplies;
import io.switchboard.inbox.routing.TeamHours;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Answers a conversation that arrived while its team was unavailable, once per conversation, on
 * the channel the customer used (the widget, the email thread, SMS, WhatsApp, Messenger…). The
 * conversation is marked first, so two nodes or a redelivery never answer twice; a refused or
 * failed send is logged and not retried (the agents still see the pending ticket).
 */
@Service
@EnableConfigurationProperties(AutoReplyProperties.class)
class AutoReplies implements OfflineReplies {

    static final String AUTHOR = "Switchboard (auto-reply)";
    private static final Logger log = LoggerFactory.getLogger(AutoReplies.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM", Locale.ENGLISH);

    private final AutoReplyProperties properties;
    private final ConversationRepository conversations;
    private final ConversationViews views;
    private final ReplyService replies;
    private final ObjectProvider<TeamHours> hours;
    private final Clock clock;

    AutoReplies(AutoReplyProperties properties, ConversationRepository conversations, ConversationViews views,
                ReplyService replies, ObjectProvider<TeamHours> hours, Clock clock) {
        this.properties = properties;
        this.conversations = conversations;
        this.views = views;
        this.replies = replies;
        this.hours = hours;
        this.clock = clock;
    }

    @Override
    public void arrivedOffline(long conversationId, String teamId) {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (!conversations.markAutoReplied(conversationId, now)) {
            log.debug("Conversation {} already got its auto-reply", conversationId);
            return;
        }
        String name = views.find(conversationId).map(v -> v.contact()).map(AutoReplies::name).orElse("there");
        String text = properties.text()
                .replace("{{next_open}}", nextOpen(teamId, now))
                .replace("{{contact.name}}", name);
        try {
            replies.reply(conversationId, new ReplyService.Reply(text, null, null), AUTHOR);
            log.info("Sent the offline auto-reply in conversation {} (team {})", conversationId, teamId);
        } catch (ApiException e) {
            log.warn("Offline auto-reply in conversation {} not sent: {}", conversationId, e.getMessage());
        }
    }

    private String nextOpen(String teamId, Instant now) {
        TeamHours teamHours = hours.getIfAvailable();
        Optional<Instant> opens = teamHours == null ? Optional.empty() : teamHours.nextOpening(teamId, now);
        if (opens.isEmpty()) {
            return "as soon as someone is available";
        }
        ZoneId zone = teamHours.zone(teamId);
        return when(opens.get().atZone(zone), now.atZone(zone).toLocalDate()) + " (" + zone.getId() + " time)";
    }

    /** The contact's name, unless it is only one of their addresses (an unnamed SMS contact shows its number). */
    private static String name(ContactView contact) {
        String name = contact.displayName();
        if (name == null || name.isBlank()
                || contact.identities().stream().anyMatch(i -> name.equalsIgnoreCase(i.address()))) {
            return "there";
        }
        return name;
    }

    static String when(ZonedDateTime opens, LocalDate today) {
        String time = "at " + TIME.format(opens);
        LocalDate day = opens.toLocalDate();
        if (day.equals(today)) {
            return "today " + time;
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow " + time;
        }
        return "on " + DAY.format(opens) + " " + time;
    }
}
