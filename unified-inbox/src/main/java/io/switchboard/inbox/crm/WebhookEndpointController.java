package io.switchboard.inbox.crm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin: webhook subscriptions. Those from {@code hub.crm.webhooks} are read-only here. ADMIN role only. */
@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Admin")
class WebhookEndpointController {

    private final EndpointRepository endpoints;
    private final WebhookHttp http;
    private final TransactionOperations tx;
    private final CrmSubscriptions subscriptions;

    WebhookEndpointController(EndpointRepository endpoints, WebhookHttp http, TransactionOperations tx,
                              CrmSubscriptions subscriptions) {
        this.endpoints = endpoints;
        this.http = http;
        this.tx = tx;
        this.subscriptions = subscriptions;
    }

    @GetMapping
    @Operation(summary = "Webhook subscriptions, from config and from this API, secrets redacted")
    List<EndpointView> list() {
        return endpoints.all().stream().map(EndpointView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One webhook subscription")
    EndpointView get(@PathVariable long id) {
        return EndpointView.of(find(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to events (signed with the given whsec_ secret)")
    EndpointView create(@RequestBody EndpointRequest request) {
        Set<String> types = request.validate(http.guard());
        subscriptions.webhooksWanted(); // before it is stored: every event after that reaches it
        long id = tx.execute(s -> {
            if (endpoints.findByName(request.name()).isPresent()) {
                throw new ApiException(HttpStatus.CONFLICT, "conflict",
                        "A webhook subscription named '" + request.name() + "' exists; pick another name");
            }
            return endpoints.insert(request.name(), Endpoint.API, request.url().trim(), request.secrets(), types,
                    request.isEnabled());
        });
        return get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a subscription's URL, secrets, events and enabled flag")
    EndpointView update(@PathVariable long id, @RequestBody EndpointRequest request) {
        Set<String> types = request.validate(http.guard());
        editable(find(id));
        endpoints.update(id, request.url().trim(), request.secrets(), types, request.isEnabled());
        return get(id);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a subscription again (e.g. after a 410 Gone disabled it)")
    EndpointView enable(@PathVariable long id) {
        find(id);
        endpoints.enable(id);
        return get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a subscription and its delivery log")
    void delete(@PathVariable long id) {
        editable(find(id));
        tx.executeWithoutResult(s -> endpoints.delete(id));
    }

    private Endpoint find(long id) {
        return endpoints.find(id).orElseThrow(() -> ApiException.notFound(
                "No webhook subscription " + id + "; list them with GET /api/admin/webhooks"));
    }

    private static void editable(Endpoint endpoint) {
        if (Endpoint.CONFIG.equals(endpoint.source())) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "Subscription '" + endpoint.name()
                    + "' comes from hub.crm.webhooks; change it in the configuration");
        }
    }
}
