package io.switchboard.core.spi;

import java.util.List;

/**
 * URL patterns a connector serves to the public (visitors, provider webhooks), e.g.
 * {@code /widget.js} or {@code /webhooks/twilio/**}. The hub's security lets anonymous requests
 * reach them; each connector verifies its own callers (origin, signature, token).
 */
public interface PublicEndpoints {

    List<String> patterns();
}
