package io.switchboard.meta;

import io.switchboard.core.spi.PublicEndpoints;
import java.util.List;

/** Meta calls the webhook anonymously; the controller checks the verify token and the body signature itself. */
final class MetaPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> patterns() {
        return List.of(MetaWebhookController.PATH);
    }
}
