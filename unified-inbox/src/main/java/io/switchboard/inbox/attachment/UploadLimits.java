package io.switchboard.inbox.attachment;

import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Spring's multipart parser refuses files over 1 MB unless told otherwise, before any upload limit of
 * ours is checked. This makes {@code spring.servlet.multipart.*} the largest upload the hub accepts
 * anywhere (agents' {@code hub.inbox.uploads.max-size}, the widget's
 * {@code hub.channels.webchat.max-upload-bytes}, {@code hub.attachments.max-size}), as a lowest-priority
 * default, so each endpoint answers its own, precise 413 and anything an admin sets wins.
 */
public final class UploadLimits implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        long largest = Stream.of(size(environment, "hub.inbox.uploads.max-size", "10MB"),
                size(environment, "hub.channels.webchat.max-upload-bytes", "10MB"),
                size(environment, "hub.attachments.max-size", "25MB")).max(Long::compare).orElseThrow();
        environment.getPropertySources().addLast(new MapPropertySource("switchboardInboxUploadLimits", Map.of(
                "spring.servlet.multipart.max-file-size", largest + "B",
                "spring.servlet.multipart.max-request-size", (largest + DataSize.ofMegabytes(1).toBytes()) + "B")));
    }

    private static long size(ConfigurableEnvironment environment, String property, String fallback) {
        try {
            return DataSize.parse(environment.getProperty(property, fallback)).toBytes();
        } catch (IllegalArgumentException e) {
            return DataSize.parse(fallback).toBytes(); // the properties' own validation names the mistake
        }
    }
}
