package io.switchboard.inbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.core.spi.DeadLetterAdmin;
import io.switchboard.core.spi.DeadLetterAdmin.DeadLetter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: messages parked on the dead-letter queue after their last attempt. ADMIN role only. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Admin")
class DeadLetterController {

    static final int MAX_LIST = 500;

    private final DeadLetterAdmin deadLetters;

    DeadLetterController(DeadLetterAdmin deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Dead-lettered messages, oldest first")
    List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIST);
        }
        return deadLetters.list(limit);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send one dead-lettered message back to the queue it came from")
    DeadLetter replay(@PathVariable String id) {
        return deadLetters.replay(id).orElseThrow(() -> ApiException.notFound(
                "No dead-lettered message " + id + "; list them with GET /api/admin/dead-letters"));
    }
}
