package io.switchboard.twilio;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where media may be fetched from, and where our credentials may go. A signed webhook names the
 * media URLs, but a redirect could still lead anywhere: every hop must be an allowed host, and the
 * account's credentials are sent only to Twilio's API hosts, never to its CDN or storage hosts,
 * which take pre-signed URLs.
 */
final class MediaHosts {

    private final List<String> allowed;
    private final String apiHost;

    MediaHosts(List<String> configured, String apiBaseUrl) {
        this.apiHost = host(URI.create(apiBaseUrl));
        this.allowed = configured.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean allowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        if (host.equals(apiHost)) {
            return scheme.equals("https") || scheme.equals("http");
        }
        return scheme.equals("https") && allowed.stream().anyMatch(pattern -> matches(pattern, host));
    }

    boolean takesCredentials(URI uri) {
        String host = host(uri);
        return host.equals(apiHost) || host.equals("api.twilio.com") || host.endsWith(".twilio.com");
    }

    private static boolean matches(String pattern, String host) {
        return pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern);
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }
}
