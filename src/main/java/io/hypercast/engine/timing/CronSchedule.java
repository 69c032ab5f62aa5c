package io.hypercast.engine.timing;

import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.CronType;
import com.cronutils.parser.CronParser;
import io.hypercast.model.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A UNIX 5-field cron expression ({@code minute hour day-of-month month day-of-week}) evaluated at
 * wall time in one zone (SPEC section 2).
 *
 * <p>Syntax is the vixie-cron one: lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15},
 * {@code 0-30/10}, {@code 5/15} = from 5 to the field's end), month names JAN-DEC and day names SUN-SAT
 * in any case. Day of week is 0-7 where 0 and 7 are Sunday; SUN at the end of a range means 7, so
 * {@code FRI-SUN} works. When both day of month and day of week are restricted (neither starts with
 * {@code *}) a day matches if either matches, as in vixie cron and POSIX.
 *
 * <p>The expression is checked here field by field (so that messages name the field), then normalised
 * (day of week 7 becomes 0, names become numbers) and handed to cron-utils 9.2.1 as the final syntax
 * gate. Firings are computed here rather than by cron-utils' {@code ExecutionTime}, because its answer
 * on a fall-back day depends on how the expression is written ({@code 30 1 * * *} fires once in the
 * repeated hour, {@code *}{@code /30 1 * * *} and {@code 0 1-3 * * *} fire twice) and because one
 * {@code nextExecution} per firing costs about 35 us (0.6 s for a year of half hours); here a year of
 * half hours takes a few milliseconds.
 *
 * <p>Wall-time rule, the same for every expression: each matching local date-time fires once. A local
 * time that does not exist (spring-forward gap) is skipped that day; a local time that occurs twice
 * (fall-back overlap) fires once, at its first occurrence (the earlier offset). So {@code 0 17 * * *}
 * in America/New_York fires 23 h and 25 h apart over the changes, and {@code 0 * * * *} leaves a two-hour
 * step in the night of a fall-back change.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CronSchedule {
    /** Where an invalid expression is reported, the key of the HPO spec file. */
    public static final String WHERE = "cron_expression";

    /** A Gregorian calendar repeats after 400 years (146,097 days, a whole number of weeks). */
    private static final int CYCLE_DAYS = 146_097;

    /** Returned by {@link #resolve} for a local time in a spring-forward gap. */
    private static final long NONE = Long.MIN_VALUE;

    private static final CronParser CRON_UTILS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private static final String[] MONTH_NAMES =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private static final FieldSpec MINUTE = new FieldSpec("minute", 0, 59, null, 0);
    private static final FieldSpec HOUR = new FieldSpec("hour", 0, 23, null, 0);
    private static final FieldSpec DAY_OF_MONTH = new FieldSpec("day of month", 1, 31, null, 0);
    private static final FieldSpec MONTH = new FieldSpec("month", 1, 12, MONTH_NAMES, 1);
    private static final FieldSpec DAY_OF_WEEK = new FieldSpec("day of week", 0, 7, DAY_NAMES, 0);

    private final String expression;
    private final String normalized;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final long daysOfMonth; // bit d for day d (1-31)
    private final int months; // bit m for month m (1-12)
    private final int daysOfWeek; // bit d for d = 0 (Sunday) .. 6 (Saturday)
    private final boolean eitherDay; // both day fields restricted: a day matches if either matches
    private final int[] minutesOfDay; // ascending firing times within a day, minutes after midnight

    private CronSchedule(String expression, String normalized, ZoneId zone, long minutes, long hours,
                         long daysOfMonth, long months, long daysOfWeek, boolean eitherDay) {
        this.expression = expression;
        this.normalized = normalized;
        this.zone = zone;
        this.rules = zone.getRules();
        this.daysOfMonth = daysOfMonth;
        this.months = (int) months;
        this.daysOfWeek = (int) daysOfWeek;
        this.eitherDay = eitherDay;
        int[] times = new int[Long.bitCount(hours) * Long.bitCount(minutes)];
        int k = 0;
        for (int h = 0; h < 24; h++) {
            if ((hours & (1L << h)) == 0) {
                continue;
            }
            for (int m = 0; m < 60; m++) {
                if ((minutes & (1L << m)) != 0) {
                    times[k++] = h * 60 + m;
                }
            }
        }
        this.minutesOfDay = times;
    }

    /**
     * Parses a UNIX 5-field expression to be evaluated in {@code zone} (null means UTC).
     *
     * @throws InvalidInputException with where {@value #WHERE} naming the field and value at fault
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw invalid("the cron expression is empty; expected 5 fields: minute hour day-of-month month day-of-week");
        }
        String[] parts = expression.trim().split("\\s+");
        if (parts[0].startsWith("@")) {
            throw invalid("'" + expression.trim() + "': nicknames such as @daily are not supported; write the 5 fields, e.g. '0 0 * * *'");
        }
        if (parts.length != 5) {
            throw invalid("'" + expression.trim() + "' has " + parts.length + " field" + (parts.length == 1 ? "" : "s")
                    + "; expected 5: minute hour day-of-month month day-of-week"
                    + (parts.length == 6 ? " (seconds and years are not supported)" : ""));
        }
        long minutes = MINUTE.parse(parts[0]);
        long hours = HOUR.parse(parts[1]);
        long doms = DAY_OF_MONTH.parse(parts[2]);
        long months = MONTH.parse(parts[3]);
        long dows = DAY_OF_WEEK.parse(parts[4]);
        if ((dows & (1L << 7)) != 0) {
            dows = (dows & ~(1L << 7)) | 1L; // 7 is Sunday, as 0
        }
        String normalized = String.join(" ", MINUTE.normalize(parts[0], minutes), HOUR.normalize(parts[1], hours),
                DAY_OF_MONTH.normalize(parts[2], doms), MONTH.normalize(parts[3], months),
                DAY_OF_WEEK.normalize(parts[4], dows));
        try {
            CRON_UTILS.parse(normalized).validate();
        } catch (RuntimeException e) {
            // Our own checks should have caught everything; this keeps cron-utils as the final word.
            throw invalid("'" + expression.trim() + "' is not a valid UNIX cron expression: " + e.getMessage());
        }
        boolean eitherDay = !parts[2].startsWith("*") && !parts[4].startsWith("*");
        CronSchedule schedule = new CronSchedule(expression.trim(), normalized, zone == null ? ZoneOffset.UTC : zone,
                minutes, hours, doms, months, dows, eitherDay);
        if (!schedule.firesOnSomeDay()) {
            throw invalid("'" + expression.trim() + "' never fires: no month in it has the day of month it asks for");
        }
        return schedule;
    }

    /** The expression as given (trimmed). */
    public String expression() {
        return expression;
    }

    /** The equivalent expression handed to cron-utils: day of week 7 as 0, names as numbers. */
    public String normalizedExpression() {
        return normalized;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first firing strictly after {@code after}; null only if none within a 400-year calendar cycle. */
    public Instant next(Instant after) {
        Objects.requireNonNull(after, "after");
        long limit = after.getEpochSecond();
        // Start a day early: the local date of an instant depends on the offset, and firings are
        // monotone in local time, so one day of margin is enough.
        LocalDate day = localDate(after).minusDays(1);
        for (int i = 0; i <= CYCLE_DAYS + 2; i++, day = day.plusDays(1)) {
            if (!firesOn(day)) {
                continue;
            }
            for (int minuteOfDay : minutesOfDay) {
                long t = resolve(day, minuteOfDay);
                if (t != NONE && t > limit) { // firings are whole seconds: t > after iff t > its second
                    return Instant.ofEpochSecond(t);
                }
            }
        }
        return null;
    }

    /** The latest firing at or before {@code t}; null if none within a 400-year calendar cycle before it. */
    public Instant previousOrSame(Instant t) {
        Objects.requireNonNull(t, "t");
        long limit = t.getEpochSecond(); // firings are on whole seconds, so t's nanos do not matter
        LocalDate day = localDate(t).plusDays(1);
        for (int i = 0; i <= CYCLE_DAYS + 2; i++, day = day.minusDays(1)) {
            if (!firesOn(day)) {
                continue;
            }
            for (int k = minutesOfDay.length - 1; k >= 0; k--) {
                long f = resolve(day, minutesOfDay[k]);
                if (f != NONE && f <= limit) {
                    return Instant.ofEpochSecond(f);
                }
            }
        }
        return null;
    }

    /** Every firing in [startInclusive, endExclusive), ascending. */
    public List<Instant> between(Instant startInclusive, Instant endExclusive) {
        return between(startInclusive, endExclusive, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} firings in [startInclusive, endExclusive), ascending: a caller that
     * refuses more than n firings asks for n + 1 and never lists millions (a minutely cron over
     * centuries).
     */
    public List<Instant> between(Instant startInclusive, Instant endExclusive, int limit) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        List<Instant> out = new ArrayList<>();
        if (!startInclusive.isBefore(endExclusive) || limit <= 0) {
            return out;
        }
        // A firing is a whole second: it is >= start iff it is >= start rounded up to the second.
        long from = startInclusive.getEpochSecond() + (startInclusive.getNano() > 0 ? 1 : 0);
        long to = endExclusive.getEpochSecond() + (endExclusive.getNano() > 0 ? 1 : 0); // exclusive
        LocalDate last = localDate(endExclusive).plusDays(1);
        for (LocalDate day = localDate(startInclusive).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (!firesOn(day)) {
                continue;
            }
            for (int minuteOfDay : minutesOfDay) {
                long t = resolve(day, minuteOfDay);
                if (t != NONE && t >= from && t < to) {
                    out.add(Instant.ofEpochSecond(t));
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /** Whether the day fields (month, day of month, day of week) match this local date. */
    boolean firesOn(LocalDate day) {
        if ((months & (1 << day.getMonthValue())) == 0) {
            return false;
        }
        boolean dom = (daysOfMonth & (1L << day.getDayOfMonth())) != 0;
        boolean dow = (daysOfWeek & (1 << (day.getDayOfWeek().getValue() % 7))) != 0;
        return eitherDay ? dom || dow : dom && dow;
    }

    private boolean firesOnSomeDay() {
        LocalDate day = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < CYCLE_DAYS; i++, day = day.plusDays(1)) {
            if (firesOn(day)) {
                return true;
            }
        }
        return false;
    }

    /** Epoch second of a local wall time: NONE in a gap, the first occurrence in an overlap. */
    private long resolve(LocalDate day, int minuteOfDay) {
        LocalDateTime local = LocalDateTime.of(day, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60));
        ZoneOffset offset;
        if (rules.isFixedOffset()) {
            offset = rules.getOffset(Instant.EPOCH);
        } else {
            ZoneOffsetTransition transition = rules.getTransition(local);
            if (transition == null) {
                offset = rules.getOffset(local);
            } else if (transition.isGap()) {
                return NONE;
            } else {
                offset = transition.getOffsetBefore();
            }
        }
        return local.toEpochSecond(offset);
    }

    private LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(WHERE, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule other && normalized.equals(other.normalized) && zone.equals(other.zone);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }

    /** One cron field: its name for messages, bounds, and optional names (index + nameBase = value). */
    private record FieldSpec(String name, int min, int max, String[] names, int nameBase) {

        /** The set of values as a bit set (bit v for value v), or an InvalidInputException naming the field. */
        long parse(String text) {
            long bits = 0;
            for (String item : text.split(",", -1)) {
                if (item.isEmpty()) {
                    throw invalid(name + " '" + text + "' has an empty item in its list");
                }
                bits |= parseItem(item, text);
            }
            return bits;
        }

        private long parseItem(String item, String text) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                String stepText = item.substring(slash + 1);
                if (!stepText.matches("\\d{1,9}")) {
                    throw invalid(name + " step '" + stepText + "' in '" + text + "' is not a whole number");
                }
                step = Integer.parseInt(stepText);
                if (step < 1 || step > max) {
                    throw invalid(name + " step " + step + " in '" + text + "' is out of range 1-" + max);
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-', 1);
                if (dash >= 0) {
                    from = value(range.substring(0, dash), text, false);
                    to = value(range.substring(dash + 1), text, true);
                    if (from > to) {
                        throw invalid(name + " range " + range + " in '" + text + "' goes backwards");
                    }
                } else {
                    from = value(range, text, false);
                    to = slash >= 0 ? max : from; // 5/15: from 5 to the end of the field
                }
            }
            long bits = 0;
            for (int v = from; v <= to; v += step) {
                bits |= 1L << v;
            }
            return bits;
        }

        private int value(String token, String text, boolean rangeEnd) {
            if (token.matches("\\d{1,9}")) {
                int v = Integer.parseInt(token);
                if (v < min || v > max) {
                    throw invalid(name + " " + v + " is out of range " + min + "-" + max + rangeHint());
                }
                return v;
            }
            if (names != null) {
                String upper = token.toUpperCase(Locale.ROOT);
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(upper)) {
                        int v = i + nameBase;
                        // SUN closing a range is 7, so that FRI-SUN means Friday to Sunday.
                        return rangeEnd && names == DAY_NAMES && v == 0 ? 7 : v;
                    }
                }
                throw invalid(name + " '" + token + "' in '" + text + "' is neither a number " + min + "-" + max
                        + " nor a name " + names[0] + "-" + names[names.length - 1]);
            }
            throw invalid(name + " '" + token + "' in '" + text + "' is not a number " + min + "-" + max);
        }

        private String rangeHint() {
            return names == DAY_NAMES ? " (0 and 7 are Sunday; names SUN-SAT)" : names != null ? " (or JAN-DEC)" : "";
        }

        /**
         * The field as handed to cron-utils. A field that starts with '*' and has no names stays as it is
         * (keeping the '*' matters for the day-of-month / day-of-week rule); anything else becomes the
         * explicit list of its values, which is equivalent and has no 7 and no names.
         */
        String normalize(String text, long bits) {
            boolean hasName = text.chars().anyMatch(Character::isLetter);
            boolean dayOfWeekStar = text.equals("*") || text.matches("\\*/\\d+"); // a step of 7 is not a day
            if (text.startsWith("*") && !hasName && (names != DAY_NAMES || dayOfWeekStar)) {
                return text;
            }
            StringBuilder sb = new StringBuilder();
            for (int v = min; v <= max; v++) {
                if ((bits & (1L << v)) != 0) {
                    sb.append(sb.length() == 0 ? "" : ",").append(v);
                }
            }
            return sb.toString();
        }
    }
}
