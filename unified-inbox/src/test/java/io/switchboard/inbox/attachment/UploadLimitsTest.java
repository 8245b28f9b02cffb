package io.switchboard.inbox.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The multipart limit never stops an upload that one of the hub's own limits allows. */
class UploadLimitsTest {

    @Test
    void theMultipartLimitIsTheLargestUploadLimitUnlessTheAdminSetsOne() {
        assertThat(limitWith(Map.of())).isEqualTo(25L * 1024 * 1024 + "B");
        assertThat(limitWith(Map.of("hub.inbox.uploads.max-size", "40MB"))).isEqualTo(40L * 1024 * 1024 + "B");
        assertThat(limitWith(Map.of("hub.inbox.uploads.max-size", "40MB",
                "spring.servlet.multipart.max-file-size", "5MB"))).isEqualTo("5MB");
    }

    private static String limitWith(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new UploadLimits().postProcessEnvironment(environment, null);
        return environment.getProperty("spring.servlet.multipart.max-file-size");
    }
}
