package io.switchboard.inbox.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class BusinessHoursTest {

    /** Support in Berlin: weekdays 9–17 with a lunch break on Friday, closed on 2030-12-25. */
    static final Map<String, String> WEEKDAYS = Map.of("monday", "09:00-17:00", "tuesday", "09:00-17:00",
            "wednesday", "09:00-17:00", "thu", "09:00-17:00", "friday", "09:00-12:00, 13:00-15:00");

    final WeeklySchedule berlin = WeeklySchedule.parse("test", "Europe/Berlin", WEEKDAYS, List.of("2030-12-25"));

    @Test
    void openWithinARangeInTheTeamsTimeZoneAndClosedOutside() {
        // Tuesday 2030-01-08: 08:30Z is 09:30 in Berlin (winter, UTC+1)
        assertThat(berlin.isOpen(Instant.parse("2030-01-08T08:30:00Z"))).isTrue();
        assertThat(berlin.isOpen(Instant.parse("2030-01-08T07:59:59Z"))).isFalse();
        assertThat(berlin.isOpen(Instant.parse("2030-01-08T08:00:00Z"))).isTrue();
        // 17:00 Berlin is the end: closed from then on
        assertThat(berlin.isOpen(Instant.parse("2030-01-08T16:00:00Z"))).isFalse();
        // Friday lunch break
        assertThat(berlin.isOpen(Instant.parse("2030-01-11T11:30:00Z"))).isFalse();
        assertThat(berlin.isOpen(Instant.parse("2030-01-11T12:30:00Z"))).isTrue();
        // weekend
        assertThat(berlin.isOpen(Instant.parse("2030-01-12T10:00:00Z"))).isFalse();
    }

    @Test
    void summerTimeShiftsTheUtcHours() {
        // Tuesday 2030-07-09, Berlin is UTC+2: 07:30Z is 09:30 local
        assertThat(berlin.isOpen(Instant.parse("2030-07-09T07:30:00Z"))).isTrue();
        assertThat(berlin.isOpen(Instant.parse("2030-07-09T15:30:00Z"))).isFalse();
    }

    @Test
    void aHolidayIsClosedAllDayAndTheNextOpeningSkipsIt() {
        // Wednesday 2030-12-25, 10:00 Berlin
        Instant christmas = Instant.parse("2030-12-25T09:00:00Z");
        assertThat(berlin.isOpen(christmas)).isFalse();
        assertThat(berlin.nextOpening(christmas)).contains(Instant.parse("2030-12-26T08:00:00Z"));
    }

    @Test
    void nextOpeningIsLaterTodayTheNextWorkdayOrNothingWhenOpen() {
        assertThat(berlin.nextOpening(Instant.parse("2030-01-08T06:00:00Z")))
                .contains(Instant.parse("2030-01-08T08:00:00Z"));
        // Friday in the lunch break → 13:00 the same day
        assertThat(berlin.nextOpening(Instant.parse("2030-01-11T11:30:00Z")))
                .contains(Instant.parse("2030-01-11T12:00:00Z"));
        // Friday evening → Monday 09:00
        assertThat(berlin.nextOpening(Instant.parse("2030-01-11T18:00:00Z")))
                .contains(Instant.parse("2030-01-14T08:00:00Z"));
        assertThat(berlin.nextOpening(Instant.parse("2030-01-08T10:00:00Z"))).isEmpty();
    }

    @Test
    void aRangeToMidnightIncludesTheLastMinute() {
        WeeklySchedule late = WeeklySchedule.parse("test", "UTC", Map.of("monday", "20:00-24:00"), List.of());
        assertThat(late.isOpen(Instant.parse("2030-01-07T23:59:30Z"))).isTrue();
        assertThat(late.isOpen(Instant.parse("2030-01-08T00:00:00Z"))).isFalse();
    }

    @Test
    void wrongValuesNameTheSettingAndSayHowToWriteIt() {
        assertThatThrownBy(() -> WeeklySchedule.parse("hub.routing.business-hours.support", "Mars/Base", Map.of(), List.of()))
                .hasMessageContaining("hub.routing.business-hours.support.time-zone").hasMessageContaining("IANA");
        assertThatThrownBy(() -> WeeklySchedule.parse("x", "UTC", Map.of("funday", "09:00-17:00"), List.of()))
                .hasMessageContaining("'funday' is not a weekday");
        assertThatThrownBy(() -> WeeklySchedule.parse("x", "UTC", Map.of("monday", "9-17"), List.of()))
                .hasMessageContaining("is not a time");
        assertThatThrownBy(() -> WeeklySchedule.parse("x", "UTC", Map.of("monday", "22:00-02:00"), List.of()))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> WeeklySchedule.parse("x", "UTC", Map.of(), List.of("25.12.2030")))
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void teamsAreBoundFromConfigurationAndATeamWithoutHoursIsAlwaysOpen() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("hub.routing.business-hours.support.time-zone", "Europe/Berlin")
                .withProperty("hub.routing.business-hours.support.weekly.monday", "09:00-17:00")
                .withProperty("hub.routing.business-hours.support.holidays[0]", "2030-01-07");
        BusinessHours hours = new BusinessHours(env, Clock.fixed(Instant.parse("2030-01-07T10:00:00Z"), ZoneOffset.UTC));

        // Monday 2030-01-07 is a holiday; the next Monday opens at 09:00 Berlin
        assertThat(hours.isOpen("support", Instant.parse("2030-01-07T10:00:00Z"))).isFalse();
        assertThat(hours.nextOpening("support", Instant.parse("2030-01-07T10:00:00Z")))
                .contains(Instant.parse("2030-01-14T08:00:00Z"));
        assertThat(hours.zone("support")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(hours.isOpen("sales", Instant.parse("2030-01-12T03:00:00Z"))).isTrue();
        assertThat(hours.isOpen(null, Instant.parse("2030-01-12T03:00:00Z"))).isTrue();
        assertThat(hours.nextOpening("sales", Instant.parse("2030-01-12T03:00:00Z"))).isEmpty();
    }
}
