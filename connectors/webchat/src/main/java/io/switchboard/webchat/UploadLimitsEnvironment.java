package io.switchboard.webchat;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Spring's multipart parser refuses files over 1 MB unless told otherwise, long before the
 * connector's own limit is checked. This raises {@code spring.servlet.multipart.*} to the larger of
 * the widget's {@code max-upload-bytes} and {@code hub.attachments.max-size}, as the lowest-priority
 * defaults: anything an admin sets wins.
 */
final class UploadLimitsEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "switchboardUploadLimits";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        long largest = Math.max(size(environment, "hub.channels.webchat.max-upload-bytes", "10MB"),
                size(environment, "hub.attachments.max-size", "25MB"));
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
