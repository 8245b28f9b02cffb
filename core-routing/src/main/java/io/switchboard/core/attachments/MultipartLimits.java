package io.switchboard.core.attachments;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Spring's multipart parser refuses files over 1 MB unless told otherwise, before any upload limit of
 * ours is checked. This makes {@code spring.servlet.multipart.*} the largest upload the hub accepts
 * anywhere, as a lowest-priority default, so each endpoint answers its own, precise 413 and anything
 * an admin sets wins. One post-processor for every module, so no module's smaller figure can shadow
 * another's larger one.
 */
public final class MultipartLimits implements EnvironmentPostProcessor {

    /** Every upload limit of the hub, with its default. */
    static final Map<String, String> UPLOAD_LIMITS = Map.of(
            "hub.attachments.max-size", "25MB",                   // any channel's attachment
            "hub.inbox.uploads.max-size", "10MB",                 // an agent's file for a reply
            "hub.channels.webchat.max-upload-bytes", "10MB");     // a visitor's file from the widget

    static final String SOURCE = "switchboardMultipartLimits";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        long largest = UPLOAD_LIMITS.entrySet().stream()
                .mapToLong(limit -> size(environment, limit.getKey(), limit.getValue()))
                .max().orElseThrow();
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
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
