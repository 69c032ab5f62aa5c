package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The TimeTrends source: calendar features of each interval start, at local time in a zone, known in
 * advance ({@link Series#ALWAYS}). In the repeated hour of a fall-back change both intervals get the
 * same local hour, and the skipped hour of a spring-forward change simply has no interval.
 */
public final class TimeTrends {
    private TimeTrends() {
    }

    /** The feature for the intervals starting at start, start + period, ... before end (zone null = UTC). */
    public static Series compute(TimeTrend feature, long start, long end, long periodSeconds, ZoneId zone) {
        if (periodSeconds <= 0) {
            throw new InvalidInputException("period", "the sample period must be positive, got " + periodSeconds + " s");
        }
        if (end < start) {
            throw new InvalidInputException("end", "the end " + Instant.ofEpochSecond(end)
                    + " is before the start " + Instant.ofEpochSecond(start));
        }
        long count = -Math.floorDiv(start - end, periodSeconds); // intervals starting before end
        if (count > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("end", "the range holds " + count + " intervals, too many for one series");
        }
        ZoneRules rules = (zone == null ? ZoneOffset.UTC : zone).getRules();
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            long t = start + i * periodSeconds;
            ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(t));
            LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, offset);
            values[i] = switch (feature) {
                case HOUR_OF_DAY -> local.getHour();
                case HALF_HOUR_OF_DAY -> local.getHour() * 2 + (local.getMinute() >= 30 ? 1 : 0);
                case DAY_OF_WEEK -> local.getDayOfWeek().getValue() - 1;
                case DAY_OF_YEAR -> local.getDayOfYear();
                case MONTH -> local.getMonthValue();
                case WEEKEND -> local.getDayOfWeek().getValue() >= 6 ? 1 : 0;
            };
        }
        return Series.alwaysKnown(start, periodSeconds, values);
    }
}
