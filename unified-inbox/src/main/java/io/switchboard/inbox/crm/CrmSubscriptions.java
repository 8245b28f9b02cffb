package io.switchboard.inbox.crm;

import java.util.function.BooleanSupplier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Which of the CRM features' event subscriptions this hub keeps: {@code crm-webhooks} while any webhook
 * subscription exists (from config or the admin API), {@code crm-lookup} while a lookup URL is set.
 *
 * <p>At start-up, before the web server takes requests, a wanted subscription is made sure of on the
 * broker (events wait in it until its route runs, once the application is ready) and an unwanted one is
 * removed, so a hub without CRM settings writes no copy of its events. The admin API calls
 * {@link #webhooksWanted()} before it stores a new subscription, so no event after it is missed;
 * {@link #run()} (every {@code hub.crm.endpoint-check-interval}) notices subscriptions another hub node added.
 * Once consumed, a subscription stays consumed until the next start, even if its last endpoint goes.
 */
final class CrmSubscriptions implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent>, Runnable {

    /** Spring Boot starts the servlet web server in phase {@code DEFAULT_PHASE - 2048}. */
    private static final int BEFORE_WEB_SERVER = SmartLifecycle.DEFAULT_PHASE - 2048 - 1;

    private final EventSubscription webhooks;
    private final BooleanSupplier anyEndpoint;
    private final EventSubscription lookup;
    private final boolean lookupWanted;
    private volatile boolean running;

    CrmSubscriptions(EventSubscription webhooks, BooleanSupplier anyEndpoint, EventSubscription lookup,
                     boolean lookupWanted) {
        this.webhooks = webhooks;
        this.anyEndpoint = anyEndpoint;
        this.lookup = lookup;
        this.lookupWanted = lookupWanted;
    }

    /** Subscribes and consumes {@code crm-webhooks} now (a webhook subscription is about to be stored). */
    void webhooksWanted() {
        webhooks.open();
    }

    @Override
    public void start() {
        decide(webhooks, anyEndpoint.getAsBoolean());
        decide(lookup, lookupWanted);
        running = true;
    }

    private static void decide(EventSubscription subscription, boolean wanted) {
        if (wanted) {
            subscription.subscribe();
        } else {
            subscription.dropIfUnused();
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // Camel's routes exist and run by now
        for (EventSubscription subscription : new EventSubscription[] {webhooks, lookup}) {
            if (subscription.isSubscribed()) {
                subscription.open();
            }
        }
    }

    /** Starts consuming {@code crm-webhooks} when another node stored the first webhook subscription. */
    @Override
    public void run() {
        if (!webhooks.isOpen() && anyEndpoint.getAsBoolean()) {
            webhooks.open();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server, so the broker keeps the events of the first requests for a wanted subscription. */
    @Override
    public int getPhase() {
        return BEFORE_WEB_SERVER;
    }
}
