package io.switchboard.core.bus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bus addresses, consumer settings, limits and redelivery policy ({@code hub.bus.*}).
 *
 * @param inbound          anycast queue of customer messages from all connectors
 * @param outbound         anycast queue of replies waiting to be sent by a connector
 * @param status           anycast queue of delivery reports
 * @param events           multicast address of events for CRM webhooks and analytics (durable subscriptions)
 * @param realtime         multicast address fanned out to every node's WebSocket sessions (non-durable)
 * @param deadLetter       queue where messages land after the last redelivery attempt
 * @param consumers        how many concurrent consumers each queue gets, and whether the inbox consumer starts
 * @param limits           the inbound pipeline's size limits
 * @param redelivery       retry policy shared by every consuming route
 * @param embedded         settings of the broker embedded in the hub (not used with an external broker)
 */
@Validated
@ConfigurationProperties("hub.bus")
public record BusProperties(
        @DefaultValue("hub.inbound") @NotBlank String inbound,
        @DefaultValue("hub.outbound") @NotBlank String outbound,
        @DefaultValue("hub.status") @NotBlank String status,
        @DefaultValue("hub.events") @NotBlank String events,
        @DefaultValue("hub.realtime") @NotBlank String realtime,
        @DefaultValue("hub.dlq") @NotBlank String deadLetter,
        @DefaultValue @Valid Consumers consumers,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Redelivery redelivery,
        @DefaultValue @Valid Embedded embedded) {

    /**
     * @param concurrency     consumers per queue except {@code hub.inbound}, as "min-max" (e.g. "16-32")
     * @param inboxAutoStartup false keeps {@code hub.inbound} unconsumed (maintenance; messages wait durably)
     * @param inboxThreads    threads consuming {@code hub.inbound}, each with its own broker transaction
     * @param inboxBatchSize  most messages stored in one database transaction (1 = one at a time)
     * @param inboxTransactionSpan how long one {@code hub.inbound} broker transaction keeps taking further
     *                        batches as they arrive (each stored and pushed to agents at once) before the
     *                        consumer waits for them to be durable and commits; 0 = one batch per transaction
     */
    public record Consumers(@DefaultValue("16-32") @NotBlank String concurrency,
                            @DefaultValue("true") boolean inboxAutoStartup,
                            @DefaultValue("16") @Min(1) int inboxThreads,
                            @DefaultValue("50") @Min(1) int inboxBatchSize,
                            @DefaultValue("100ms") Duration inboxTransactionSpan) {
    }

    /**
     * @param maxTextLength    characters of message text
     * @param maxHtmlLength    characters of sanitized HTML
     * @param maxAttachments   attachments per message
     * @param maxContextEntries visitor context entries
     * @param maxContextValueLength characters of one context value
     */
    public record Limits(@DefaultValue("20000") @Min(1) int maxTextLength,
                         @DefaultValue("500000") @Min(1) int maxHtmlLength,
                         @DefaultValue("20") @Min(0) int maxAttachments,
                         @DefaultValue("50") @Min(0) int maxContextEntries,
                         @DefaultValue("2048") @Min(1) int maxContextValueLength) {
    }

    /**
     * @param maxAttempts  attempts in all, the first included, before a message is dead-lettered
     * @param initialDelay wait before the second attempt
     * @param multiplier   each further wait is this many times longer
     * @param maxDelay     no wait is longer than this
     */
    public record Redelivery(@DefaultValue("5") @Min(1) int maxAttempts,
                             @DefaultValue("1s") Duration initialDelay,
                             @DefaultValue("2.0") double multiplier,
                             @DefaultValue("1m") Duration maxDelay) {
    }

    /**
     * @param persistDuplicateIds whether the embedded broker writes each duplicate id it keeps (the ids by which it
     *                            drops a second copy of an inbound message, an event or a reply) to its journal, so
     *                            that it still drops copies after a restart. Off (the default), it keeps them in memory:
     *                            two journal records fewer per id, and after a restart the inbox's unique keys and the
     *                            CRM deliveries' event ids drop the copies instead
     */
    public record Embedded(@DefaultValue("false") boolean persistDuplicateIds) {
    }
}
