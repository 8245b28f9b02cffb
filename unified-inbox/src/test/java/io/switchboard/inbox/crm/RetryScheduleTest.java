package io.switchboard.inbox.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    static CrmProperties.Delivery delivery(double jitter, Duration... waits) {
        return new CrmProperties.Delivery(List.of(waits), jitter, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1), 20, Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    @Test
    void theDefaultScheduleSpansAboutThreeDays() {
        List<Duration> defaults = List.of("0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h")
                .stream().map(s -> Duration.parse("PT" + s.toUpperCase())).toList();
        Duration total = defaults.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(60), Duration.ofHours(80));
    }

    @Test
    void eachWaitFollowsTheScheduleWithinTheJitterAndEndsAfterTheLast() {
        RetrySchedule schedule = new RetrySchedule(delivery(0.1, Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofMinutes(5)));
        for (int i = 0; i < 50; i++) {
            Instant next = schedule.next(1, NOW, null).orElseThrow();
            assertThat(Duration.between(NOW, next)).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
        }
        assertThat(schedule.next(2, NOW, null).orElseThrow()).isAfter(NOW.plus(Duration.ofMinutes(4)));
        assertThat(schedule.next(3, NOW, null)).isEmpty();
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximum() {
        RetrySchedule schedule = new RetrySchedule(delivery(0, Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO));
        assertThat(schedule.next(1, NOW, Duration.ofSeconds(120))).contains(NOW.plusSeconds(120));
        assertThat(schedule.next(1, NOW, Duration.ofDays(3))).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(schedule.next(1, NOW, Duration.ofSeconds(1))).contains(NOW.plusSeconds(5));
        assertThat(WebhookHttp.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookHttp.retryAfter("soon")).isNull();
    }
}
