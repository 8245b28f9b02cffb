package io.switchboard.core.spi;

import io.switchboard.core.model.DeliveryStatus;

/** The consumer of {@code hub.status}: the unified inbox implements it. Must be idempotent. */
public interface StatusHandler {

    void onStatus(DeliveryStatus status);
}
