package io.switchboard.core.attachments;

import io.switchboard.core.spi.AttachmentStore;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The default attachment store: files under {@code hub.attachments.dir}. */
@AutoConfiguration
@EnableConfigurationProperties(AttachmentProperties.class)
public class AttachmentsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AttachmentStore.class)
    AttachmentStore attachmentStore(AttachmentProperties properties, Environment environment) {
        Path dir = properties.dir() == null || properties.dir().isBlank()
                ? Path.of(environment.getProperty("hub.data-dir", "./data"), "attachments")
                : Path.of(properties.dir());
        return new FileAttachmentStore(dir, properties.maxSize().toBytes());
    }
}
