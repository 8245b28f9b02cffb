package io.switchboard.inbox.availability;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One team's business hours: opening ranges per weekday in the team's time zone, minus holidays
 * (whole days). Ranges are {@code HH:mm-HH:mm}, several per day separated by commas; {@code 24:00}
 * ends a range at midnight; a day without ranges is closed. Pure and immutable: the caller passes
 * the instant, so tests choose the time.
 */
final class WeeklySchedule {

    /** How far ahead {@link #nextOpening} looks before it gives up (a schedule that never opens). */
    private static final int HORIZON_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Range>> days;
    private final Set<LocalDate> holidays;

    private WeeklySchedule(ZoneId zone, Map<DayOfWeek, List<Range>> days, Set<LocalDate> holidays) {
        this.zone = zone;
        this.days = days;
        this.holidays = holidays;
    }

    /**
     * @param where names the setting in error messages, e.g. {@code hub.routing.business-hours.support}
     * @throws IllegalArgumentException with a message that says which value is wrong and how to write it
     */
    static WeeklySchedule parse(String where, String timeZone, Map<String, String> weekly, List<String> holidays) {
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ".time-zone '" + timeZone
                    + "' is not a time zone; use an IANA name such as Europe/Berlin or America/New_York");
        }
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((day, ranges) -> {
                DayOfWeek dow = day(where, day);
                days.put(dow, ranges(where + ".weekly." + day, ranges));
            });
        }
        List<LocalDate> dates = new ArrayList<>();
        if (holidays != null) {
            for (String holiday : holidays) {
                try {
                    dates.add(LocalDate.parse(holiday.trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + ".holidays: '" + holiday
                            + "' is not a date; write holidays as YYYY-MM-DD");
                }
            }
        }
        return new WeeklySchedule(zone, Collections.unmodifiableMap(days), Set.copyOf(dates));
    }

    ZoneId zone() {
        return zone;
    }

    boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return days.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(r -> r.contains(time));
    }

    /** The first instant at or after {@code at} when the team is open; empty when open now or never. */
    Optional<Instant> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.empty();
        }
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int i = 0; i < HORIZON_DAYS; i++, date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (Range range : days.getOrDefault(date.getDayOfWeek(), List.of())) {
                // atZone resolves a start in a DST gap to the first valid instant after it
                Instant start = LocalDateTime.of(date, range.start).atZone(zone).toInstant();
                if (!start.isBefore(at)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    private static DayOfWeek day(String where, String name) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek dow : DayOfWeek.values()) {
            if (dow.name().equals(key) || dow.name().substring(0, 3).equals(key)) {
                return dow;
            }
        }
        throw new IllegalArgumentException(where + ".weekly: '" + name
                + "' is not a weekday; use monday … sunday (or mon … sun)");
    }

    private static List<Range> ranges(String where, String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] ends = part.trim().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException(where + ": '" + part.trim()
                        + "' is not a range; write HH:mm-HH:mm, several separated by commas (e.g. 09:00-12:00, 13:00-17:00)");
            }
            LocalTime start = time(where, ends[0]);
            boolean toMidnight = ends[1].trim().equals("24:00");
            LocalTime end = toMidnight ? LocalTime.MAX : time(where, ends[1]);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException(where + ": '" + part.trim() + "' ends before it starts; a range"
                        + " past midnight is two ranges (e.g. friday: 22:00-24:00 and saturday: 00:00-02:00)");
            }
            ranges.add(new Range(start, end));
        }
        ranges.sort((a, b) -> a.start.compareTo(b.start));
        return List.copyOf(ranges);
    }

    private static LocalTime time(String where, String text) {
        try {
            return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + text.trim() + "' is not a time; write HH:mm, e.g. 09:00");
        }
    }

    /** [start, end) in local time; end {@link LocalTime#MAX} means until midnight. */
    private record Range(LocalTime start, LocalTime end) {

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && (end.equals(LocalTime.MAX) || time.isBefore(end));
        }
    }
}
