package io.switchboard.twilio;

import io.switchboard.core.spi.PublicEndpoints;
import java.util.List;

/** Twilio calls anonymously; every webhook verifies X-Twilio-Signature itself. */
final class TwilioPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> patterns() {
        return List.of("/webhooks/twilio/**");
    }
}
