package io.switchboard.webchat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the widget script and the demo shop page. The script gets the widget's settings (title,
 * greeting, text limit) written in when the hub starts, so it can draw itself before it connects.
 */
@RestController
final class WidgetController {

    static final MediaType JAVASCRIPT = MediaType.parseMediaType("application/javascript;charset=utf-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=utf-8");

    private static final String RESOURCES = "switchboard-webchat/";
    private static final String CONFIG_PLACEHOLDER = "/*SWITCHBOARD_CONFIG*/{}";

    private final byte[] widget;
    private final byte[] demo;

    WidgetController(WebchatProperties properties, ObjectMapper json) {
        String script = load("widget.js");
        if (!script.contains(CONFIG_PLACEHOLDER)) {
            throw new IllegalStateException("widget.js lacks its configuration placeholder");
        }
        this.widget = script.replace(CONFIG_PLACEHOLDER, config(properties, json)).getBytes(StandardCharsets.UTF_8);
        this.demo = load("demo.html").getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/widget.js")
    ResponseEntity<byte[]> widget() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(widget);
    }

    @GetMapping("/demo")
    ResponseEntity<byte[]> demo() {
        return ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(CacheControl.noCache())
                .body(demo);
    }

    private static String config(WebchatProperties properties, ObjectMapper json) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("title", properties.title());
        config.put("greeting", properties.greeting());
        config.put("maxTextLength", properties.maxTextLength());
        config.put("maxUploadBytes", properties.maxUploadBytes().toBytes());
        config.put("uploadTypes", properties.uploadTypes());
        try {
            // JSON is valid JavaScript; escaping '<' keeps it inert even if someone inlines the script.
            return json.writeValueAsString(config).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the widget configuration", e);
        }
    }

    private static String load(String name) {
        try (InputStream in = new ClassPathResource(RESOURCES + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("web-chat resource " + name + " is missing from the classpath", e);
        }
    }
}
