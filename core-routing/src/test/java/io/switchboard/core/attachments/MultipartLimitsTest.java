package io.switchboard.core.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The multipart limit never stops an upload that one of the hub's own limits allows. */
class MultipartLimitsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theMultipartLimitIsTheLargestUploadLimitUnlessTheAdminSetsOne() {
        assertThat(limitWith(Map.of())).isEqualTo(25 * MB + "B");
        assertThat(limitWith(Map.of("hub.inbox.uploads.max-size", "40MB"))).isEqualTo(40 * MB + "B");
        assertThat(limitWith(Map.of("hub.channels.webchat.max-upload-bytes", "60MB",
                "hub.inbox.uploads.max-size", "40MB"))).isEqualTo(60 * MB + "B");
        assertThat(limitWith(Map.of("hub.attachments.max-size", "30MB"))).isEqualTo(30 * MB + "B");
        assertThat(limitWith(Map.of("hub.inbox.uploads.max-size", "40MB",
                "spring.servlet.multipart.max-file-size", "5MB"))).isEqualTo("5MB");
    }

    @Test
    void aMistypedLimitFallsBackToItsDefaultHereAndIsReportedByItsOwnSettings() {
        assertThat(limitWith(Map.of("hub.inbox.uploads.max-size", "lots"))).isEqualTo(25 * MB + "B");
    }

    @Test
    void theRequestMayCarryTheLargestFileAndItsFormFields() {
        StandardEnvironment environment = environmentWith(Map.of("hub.inbox.uploads.max-size", "40MB"));
        assertThat(environment.getProperty("spring.servlet.multipart.max-request-size")).isEqualTo(41 * MB + "B");
    }

    @Test
    void springBootFindsIt() {
        // Spring Boot's own post-processors need arguments this test does not supply; only ours matter
        SpringFactoriesLoader.FailureHandler ignoreOthers = (type, name, failure) -> { };
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                .load(EnvironmentPostProcessor.class, null, ignoreOthers))
                .filteredOn(p -> p.getClass().getPackageName().startsWith("io.switchboard"))
                .singleElement().isInstanceOf(MultipartLimits.class);
    }

    private static String limitWith(Map<String, Object> settings) {
        return environmentWith(settings).getProperty("spring.servlet.multipart.max-file-size");
    }

    private static StandardEnvironment environmentWith(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new MultipartLimits().postProcessEnvironment(environment, null);
        return environment;
    }
}
