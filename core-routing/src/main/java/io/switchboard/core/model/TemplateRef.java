package io.switchboard.core.model;

import java.util.Map;

/** An approved template (WhatsApp, Messenger) sent instead of free text outside a reply window. */
public record TemplateRef(String id, Map<String, String> variables) {

    public TemplateRef {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
