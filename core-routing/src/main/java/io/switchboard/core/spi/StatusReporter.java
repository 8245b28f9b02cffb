package io.switchboard.core.spi;

import io.switchboard.core.model.DeliveryStatus;

/** How a connector reports a provider's delivery callback (delivered, read, failed). */
public interface StatusReporter {

    void report(DeliveryStatus status);
}
