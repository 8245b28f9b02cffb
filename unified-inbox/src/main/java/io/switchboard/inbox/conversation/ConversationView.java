package io.switchboard.inbox.conversation;

import io.switchboard.inbox.contact.ContactView;
import io.switchboard.inbox.routing.AssignmentLookup.AgentRef;
import io.switchboard.inbox.routing.AssignmentLookup.Assignment;
import io.switchboard.inbox.routing.AssignmentLookup.TeamRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conversation as the API and events show it. {@code status} is lowercase; {@code snoozedUntil} is
 * set while snoozed; {@code priority} is null or one of {@link Priority}'s lowercase names. {@code assignee}
 * and {@code team} are null until routing (or a person) set them; {@code queuedAt} is set while the
 * conversation waits in its team's queue; {@code offline} marks a pending ticket created while the team
 * was unavailable.
 */
public record ConversationView(long id, String status, ContactView contact, String lastChannel,
                               Map<String, String> context, Instant createdAt, Instant updatedAt,
                               Instant lastMessageAt, String preview, String priority, Instant snoozedUntil,
                               List<String> labels, AgentRef assignee, TeamRef team, Instant queuedAt,
                               boolean offline) {

    static final int PREVIEW_LENGTH = 140;

    static ConversationView of(ConversationRecord c, ContactView contact, Map<String, String> context,
                               LifecycleRepository.Extras extras, Assignment assignment) {
        return new ConversationView(c.id(), c.status().wire(), contact, c.lastChannel(), context, c.createdAt(),
                c.updatedAt(), c.lastMessageAt(), preview(c.lastText()), extras.priority(), extras.snoozedUntil(),
                extras.labels(), assignment.assignee(), assignment.team(), assignment.queuedAt(),
                assignment.offline());
    }

    static String preview(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
