package io.switchboard.inbox.canned;

import io.switchboard.inbox.api.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Rules for canned responses: shortcuts are 1–64 letters, digits, {@code _ -} (lowercased), text up to
 * 10000 characters; only the owner (or an admin) may edit or delete one, shared or not.
 */
@Service
class CannedResponses {

    static final int MAX_TEXT = 10_000;
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9_-]{1,64}");

    private final CannedResponseRepository repository;
    private final Clock clock;

    CannedResponses(CannedResponseRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    List<CannedResponse> visibleTo(String username) {
        return repository.visibleTo(username);
    }

    CannedResponse create(String username, Draft draft) {
        String shortcut = validShortcut(draft);
        String text = validText(draft);
        requireFree(username, shortcut, -1);
        return repository.add(username, shortcut, text, Boolean.TRUE.equals(draft.shared()), clock.instant());
    }

    CannedResponse update(String username, boolean admin, long id, Draft draft) {
        CannedResponse existing = editable(username, admin, id);
        String shortcut = validShortcut(draft);
        String text = validText(draft);
        requireFree(existing.owner(), shortcut, id);
        boolean shared = draft.shared() == null ? existing.shared() : draft.shared();
        repository.update(id, shortcut, text, shared, clock.instant());
        return repository.find(id).orElseThrow();
    }

    void delete(String username, boolean admin, long id) {
        editable(username, admin, id);
        repository.delete(id);
    }

    private CannedResponse editable(String username, boolean admin, long id) {
        CannedResponse existing = repository.find(id)
                .filter(c -> c.shared() || c.owner().equals(username))
                .orElseThrow(() -> ApiException.notFound("No canned response " + id));
        if (!admin && !existing.owner().equals(username)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "Only its owner (" + existing.owner() + ") or an admin may change canned response " + id);
        }
        return existing;
    }

    private void requireFree(String owner, String shortcut, long exceptId) {
        if (repository.shortcutTaken(owner, shortcut, exceptId)) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "You already have a canned response /" + shortcut);
        }
    }

    private static String validShortcut(Draft draft) {
        String shortcut = draft == null || draft.shortcut() == null ? "" : draft.shortcut().strip().toLowerCase();
        if (shortcut.startsWith("/")) {
            shortcut = shortcut.substring(1);
        }
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw ApiException.invalid("shortcut must be 1-64 letters, digits, '_' or '-'");
        }
        return shortcut;
    }

    private static String validText(Draft draft) {
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            throw ApiException.invalid("text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.invalid("text is longer than " + MAX_TEXT + " characters; shorten it");
        }
        return text;
    }

    /** A create or edit request; {@code shared} null keeps the current value on edit (personal on create). */
    record Draft(String shortcut, String text, Boolean shared) {
    }
}
