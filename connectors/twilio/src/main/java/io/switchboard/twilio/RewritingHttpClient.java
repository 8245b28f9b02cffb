package io.switchboard.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client, pointed at {@code hub.channels.twilio.api-base-url}: the SDK hard-codes
 * {@code https://api.twilio.com}, so a Twilio-compatible gateway or a test fake is reached by
 * rewriting that prefix. It also sends each request once: retries belong to the hub's outbound
 * dispatcher (one backoff policy, dead-lettering), not to the SDK's 100 ms loop or Apache's
 * automatic retries. Its pool allows {@code maxConnections} calls at once (Apache's default of 5 per host
 * would hold the outbound dispatcher's consumers in a queue for a connection).
 */
final class RewritingHttpClient extends NetworkHttpClient {

    static final String TWILIO_API = "https://api.twilio.com";

    private final String baseUrl;

    RewritingHttpClient(String baseUrl, Duration socketTimeout, int maxConnections) {
        super(HttpClientBuilder.create()
                .useSystemProperties()
                // Apache's default strategy resends on 429/503 after a pause, hiding the answer from us.
                .disableAutomaticRetries()
                .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom().setSoKeepAlive(true)
                                .setSoTimeout(Timeout.ofMilliseconds(socketTimeout.toMillis())).build())
                        .setMaxConnPerRoute(maxConnections)
                        .setMaxConnTotal(maxConnections)
                        .build()));
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (baseUrl.equals(TWILIO_API) || !url.startsWith(TWILIO_API + "/")) {
            return super.makeRequest(request);
        }
        return super.makeRequest(new Redirected(request, baseUrl + url.substring(TWILIO_API.length())));
    }

    /** A copy of the SDK's request whose URL is exactly the rewritten one. */
    private static final class Redirected extends Request {

        private final URL target;

        Redirected(Request original, String url) {
            super(original.getMethod(), url);
            try {
                this.target = URI.create(url).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("hub.channels.twilio.api-base-url gives a bad URL: " + url, e);
            }
            if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            } else if (original.getUsername() != null) {
                setAuth(original.getUsername(), original.getPassword());
            }
            copy(original.getPostParams(), this::addPostParam);
            copy(original.getHeaderParams(), this::addHeaderParam);
            setContentType(original.getContentType());
            setBody(original.getBody());
            setFormParameters(original.getFormParameters());
            setUserAgentExtensions(original.getUserAgentExtensions());
        }

        @Override
        public URL constructURL() {
            return target;
        }

        private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
        }
    }
}
