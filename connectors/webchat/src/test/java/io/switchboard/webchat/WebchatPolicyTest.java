package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebchatPolicyTest {

    private final WebchatPolicy policy = new WebchatPolicy(10);

    @Test
    void aReplyWithinTheLimitMayBeSent() {
        assertThat(policy.channel()).isEqualTo(ChannelType.WEBCHAT);
        assertThat(policy.check(reply("0123456789"), null)).isEmpty();
    }

    @Test
    void aLongerReplyIsRefusedWithTheLimit() {
        PolicyRefusal refusal = policy.check(reply("0123456789!"), Instant.now()).orElseThrow();

        assertThat(refusal.code()).isEqualTo("too_long");
        assertThat(refusal.reason()).contains("10");
    }

    private static OutboundMessage reply(String text) {
        return new OutboundMessage(UUID.randomUUID(), 1L, new ChannelAddress(ChannelType.WEBCHAT, "shop", "v-1"),
                text, null, null, null, null, "Ada", Instant.now());
    }
}
