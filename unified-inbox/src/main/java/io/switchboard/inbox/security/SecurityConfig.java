package io.switchboard.inbox.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.spi.PublicEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what: the API with HTTP Basic (or the console's session), the console with a form
 * login, and anonymously only the login page, the API docs, health, and what connectors declare
 * through {@link PublicEndpoints}.
 */
@Configuration
class SecurityConfig {

    static final String WEBHOOKS = "/webhooks/";
    static final List<String> ALWAYS_PUBLIC = List.of("/", "/login", "/error", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/actuator/health", "/actuator/health/**", "/console/console.css",
            "/favicon.ico");

    /**
     * None of Spring Security's own observations. Switching them off by property
     * ({@code management.observations.enable.spring.security}) still wrapped every filter of every
     * request, and each authorization decision, in a no-op observation; without them the filter chain
     * is not decorated at all. {@code http.server.requests} (the request metrics) is not affected.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Provider webhooks authenticate by their signature, checked in the connector before the body is
     * parsed. They get a chain of their own, ahead of the main one, without what serves browsers: no
     * session, no CSRF token (the main chain would mint one and set a cookie on every callback), no
     * saved request. Only paths a connector declares public under {@code /webhooks/} go here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain providerWebhooks(HttpSecurity http, ObjectProvider<PublicEndpoints> connectors)
            throws Exception {
        List<RequestMatcher> hooks = connectors.orderedStream().flatMap(c -> c.patterns().stream())
                .filter(pattern -> pattern.startsWith(WEBHOOKS)).distinct().map(SecurityConfig::path).toList();
        http.securityMatcher(hooks.isEmpty() ? request -> false : new OrRequestMatcher(hooks))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectProvider<PublicEndpoints> connectors, ObjectMapper json)
            throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(json);
        RequestMatcher api = new OrRequestMatcher(path("/api/**"), path("/actuator/**"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicMatchers(connectors)).permitAll()
                        .requestMatchers(path("/api/admin/**")).hasRole(UserRepository.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM).authenticationEntryPoint(errors))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(SecurityConfig::hasBasicCredentials, path("/webchat/**"),
                                path("/webhooks/**")))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(errors, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(errors, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /**
     * API clients that send Basic credentials on every request are not exposed to CSRF the way a
     * browser session is, so they need no token.
     */
    private static boolean hasBasicCredentials(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static RequestMatcher[] publicMatchers(ObjectProvider<PublicEndpoints> connectors) {
        List<RequestMatcher> matchers = new ArrayList<>();
        Stream.concat(ALWAYS_PUBLIC.stream(), connectors.orderedStream().flatMap(c -> c.patterns().stream()))
                .distinct()
                .forEach(pattern -> matchers.add(path(pattern)));
        return matchers.toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
