package io.switchboard.inbox.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.routing.AgentService.AgentView;
import io.switchboard.inbox.routing.AgentService.StatusView;
import io.switchboard.inbox.routing.AgentService.TeamQueue;
import io.switchboard.inbox.routing.AgentService.TeamView;
import io.switchboard.inbox.routing.AssignmentService.Actor;
import io.switchboard.inbox.security.HubUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Agents and presence, teams and queues, manual assignment and a conversation's activity. */
@RestController
@Tag(name = "Routing")
class RoutingController {

    private final AgentService agents;
    private final AssignmentService assignments;
    private final RoutingEvents events;

    RoutingController(AgentService agents, AssignmentService assignments, RoutingEvents events) {
        this.agents = agents;
        this.assignments = assignments;
        this.events = events;
    }

    @GetMapping("/api/agents")
    @Operation(summary = "Every agent with status, weighted load, cap and teams (for assign menus)")
    List<AgentView> agents() {
        return agents.agents();
    }

    @GetMapping("/api/me/status")
    @Operation(summary = "Your status: online, away or offline")
    StatusView myStatus(@AuthenticationPrincipal HubUser user) {
        return agents.status(user.getUsername());
    }

    @PutMapping("/api/me/status")
    @Operation(summary = "Set your status; only online agents get conversations")
    StatusView setMyStatus(@AuthenticationPrincipal HubUser user, @RequestBody(required = false) JsonNode body) {
        JsonNode status = body == null ? null : body.get("status");
        if (status == null || !status.isTextual()) {
            throw ApiException.invalid("status is required: one of " + Presence.ALLOWED);
        }
        return agents.setStatus(user.getUsername(), status.asText());
    }

    @PutMapping("/api/admin/agents/{username}")
    @Operation(summary = "Set an agent's own concurrency cap (maxConcurrent, null: the default)")
    AgentView setAgent(@PathVariable String username, @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.has("maxConcurrent")
                || !(body.get("maxConcurrent").isNull() || body.get("maxConcurrent").canConvertToInt())
                || body.get("maxConcurrent").isTextual()) {
            throw ApiException.invalid("maxConcurrent is required: a whole number, or null for the default");
        }
        JsonNode max = body.get("maxConcurrent");
        return agents.setCap(username, max.isNull() ? null : max.asInt());
    }

    @GetMapping("/api/teams")
    @Operation(summary = "The teams (departments), their strategy and members")
    List<TeamView> teams() {
        return agents.teams();
    }

    @GetMapping("/api/queue")
    @Operation(summary = "Per team: the waiting conversations, longest-waiting first, with position and ETA")
    List<TeamQueue> queue() {
        return agents.queues();
    }

    @PostMapping("/api/conversations/{id}/assignment")
    @Operation(summary = "Assign, unassign or transfer",
            description = "{\"agent\":\"username\"} assigns; {\"agent\":null} unassigns (back to the team queue);"
                    + " {\"team\":\"id\"} moves it, unassigned, to that team's queue. Agents may take unassigned"
                    + " conversations and hand on their own; admins may do anything.")
    Object assign(@PathVariable long id, @RequestBody(required = false) JsonNode body,
                  @AuthenticationPrincipal HubUser user) {
        boolean agent = body != null && body.isObject() && body.has("agent");
        boolean team = body != null && body.isObject() && body.has("team");
        if (agent == team) {
            throw ApiException.invalid("send either agent (a username, or null to unassign) or team (a team id)");
        }
        Actor actor = new Actor(user.getUsername(), "ADMIN".equals(user.role()));
        if (agent) {
            JsonNode value = body.get("agent");
            if (value.isNull()) {
                assignments.unassign(id, actor);
            } else if (value.isTextual() && !value.asText().isBlank()) {
                assignments.assign(id, value.asText(), actor);
            } else {
                throw ApiException.invalid("agent must be a username or null");
            }
        } else {
            JsonNode value = body.get("team");
            if (!value.isTextual() || value.asText().isBlank()) {
                throw ApiException.invalid("team must be a team id; see GET /api/teams");
            }
            assignments.transfer(id, value.asText(), actor);
        }
        return events.conversation(id);
    }

    @GetMapping("/api/conversations/{id}/activity")
    @Operation(summary = "The conversation's system events, oldest first")
    List<ActivityRepository.Activity> activity(@PathVariable long id) {
        return agents.activity(id);
    }
}
