package io.switchboard.inbox.conversation;

import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.api.ApiException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Labels, priority and private notes of conversations; each change is an event for agents and the CRM. */
@Service
class LifecycleService {

    static final int MAX_NOTE = 10_000;
    static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]{0,63}");

    private final ConversationRepository conversations;
    private final LifecycleRepository lifecycle;
    private final NoteRepository notes;
    private final ConversationViews views;
    private final EventPublisher events;
    private final Clock clock;

    LifecycleService(ConversationRepository conversations, LifecycleRepository lifecycle, NoteRepository notes,
                     ConversationViews views, EventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.lifecycle = lifecycle;
        this.notes = notes;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    ConversationView addLabel(long id, String label) {
        String clean = label(label);
        require(id);
        return lifecycle.addLabel(id, clean) ? updated(id, "labels") : views.find(id).orElseThrow();
    }

    ConversationView removeLabel(long id, String label) {
        require(id);
        return lifecycle.removeLabel(id, label == null ? "" : label.strip().toLowerCase())
                ? updated(id, "labels") : views.find(id).orElseThrow();
    }

    ConversationView priority(long id, String value) {
        Priority priority = Priority.parse(value)
                .orElseThrow(() -> ApiException.invalid("priority must be one of " + Priority.ALLOWED));
        require(id);
        lifecycle.priority(id, priority.stored(), clock.instant());
        return updated(id, "priority");
    }

    NoteView addNote(long id, String author, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("text is required");
        }
        if (text.length() > MAX_NOTE) {
            throw ApiException.invalid("text is longer than " + MAX_NOTE + " characters; shorten it");
        }
        require(id);
        NoteView note = notes.add(id, author, text.strip(), clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", id);
        data.put("note", note);
        events.publish(HubEvent.of(EventType.NOTE_CREATED, data));
        return note;
    }

    List<NoteView> notes(long id) {
        require(id);
        return notes.of(id);
    }

    List<ConversationView> ofContact(long contactId, int limit) {
        return views.views(conversations.ofContact(contactId, limit));
    }

    private ConversationView updated(long id, String what) {
        ConversationView view = views.find(id).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", view);
        data.put("changed", what);
        events.publish(HubEvent.of(EventType.CONVERSATION_UPDATED, data));
        return view;
    }

    private void require(long id) {
        conversations.find(id).orElseThrow(() -> ApiException.notFound("No conversation " + id));
    }

    private static String label(String label) {
        String clean = label == null ? "" : label.strip().toLowerCase();
        if (!LABEL.matcher(clean).matches()) {
            throw ApiException.invalid("label must be 1 to 64 letters, digits, spaces or _ . : / -, starting with a"
                    + " letter or digit");
        }
        return clean;
    }
}
