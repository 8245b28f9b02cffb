package io.switchboard.inbox.availability;

import io.switchboard.inbox.routing.TeamHours;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Business hours per team from {@code hub.routing.business-hours.<team-id>} (time zone, weekly
 * ranges, holidays). A team without an entry is always open. Wrong values stop the start with a
 * message naming the setting.
 */
@Component
class BusinessHours implements TeamHours {

    static final String PREFIX = "hub.routing.business-hours";
    private static final Logger log = LoggerFactory.getLogger(BusinessHours.class);

    private final Map<String, WeeklySchedule> schedules;

    @Autowired
    BusinessHours(Environment environment, Clock clock) {
        this(Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, TeamSchedule.class))
                .orElse(Map.of()), clock);
    }

    BusinessHours(Map<String, TeamSchedule> settings, Clock clock) {
        Map<String, WeeklySchedule> parsed = new LinkedHashMap<>();
        settings.forEach((team, s) -> parsed.put(team,
                WeeklySchedule.parse(PREFIX + "." + team, s.timeZone(), s.weekly(), s.holidays())));
        this.schedules = Map.copyOf(parsed);
        Instant now = clock.instant();
        parsed.forEach((team, schedule) -> log.info("Business hours of team '{}' ({}): {}", team, schedule.zone(),
                schedule.isOpen(now) ? "open now"
                        : schedule.nextOpening(now).map(at -> "closed now, opens " + at.atZone(schedule.zone()))
                        .orElse("closed now and never opens within a year (check the weekly ranges)")));
    }

    @Override
    public boolean isOpen(String teamId, Instant at) {
        WeeklySchedule schedule = teamId == null ? null : schedules.get(teamId);
        return schedule == null || schedule.isOpen(at);
    }

    @Override
    public Optional<Instant> nextOpening(String teamId, Instant at) {
        WeeklySchedule schedule = teamId == null ? null : schedules.get(teamId);
        return schedule == null ? Optional.empty() : schedule.nextOpening(at);
    }

    /** The team's time zone, for telling a customer when it opens (UTC for a team without hours). */
    @Override
    public ZoneId zone(String teamId) {
        WeeklySchedule schedule = teamId == null ? null : schedules.get(teamId);
        return schedule == null ? ZoneOffset.UTC : schedule.zone();
    }

    /**
     * One team's entry.
     *
     * @param timeZone IANA time zone the ranges are in (default UTC)
     * @param weekly   weekday → ranges {@code HH:mm-HH:mm[,HH:mm-HH:mm…]}; a missing day is closed
     * @param holidays whole closed days, {@code YYYY-MM-DD}, in the team's time zone
     */
    record TeamSchedule(String timeZone, Map<String, String> weekly, List<String> holidays) {
    }
}
