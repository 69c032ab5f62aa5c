package io.hypercast.engine.data;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeTrendsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final long FALL_BACK_DAY = Instant.parse("2022-10-30T00:00:00Z").getEpochSecond(); // a Sunday

    @Test
    void hourOfDayIsLocalAndRepeatsOverFallBack() {
        Series s = TimeTrends.compute(TimeTrend.HOUR_OF_DAY, FALL_BACK_DAY, FALL_BACK_DAY + 4 * 3600, 3600, LONDON);
        // 00:00Z = 01:00 BST, 01:00Z = 01:00 GMT
        assertArrayEquals(new double[] {1, 1, 2, 3}, s.values());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(Series.ALWAYS, s.knownFrom(i));
        }
    }

    @Test
    void halfHourOfDay() {
        long start = Instant.parse("2022-06-01T23:00:00Z").getEpochSecond(); // 00:00 BST
        Series s = TimeTrends.compute(TimeTrend.HALF_HOUR_OF_DAY, start, start + 3 * 1800, 1800, LONDON);
        assertArrayEquals(new double[] {0, 1, 2}, s.values());
        Series last = TimeTrends.compute(TimeTrend.HALF_HOUR_OF_DAY, start - 1800, start, 1800, LONDON);
        assertArrayEquals(new double[] {47}, last.values());
    }

    @Test
    void calendarFeatures() {
        long t = FALL_BACK_DAY + 12 * 3600;
        assertEquals(6.0, one(TimeTrend.DAY_OF_WEEK, t)); // Sunday
        assertEquals(1.0, one(TimeTrend.WEEKEND, t));
        assertEquals(0.0, one(TimeTrend.WEEKEND, t + 86_400));
        assertEquals(0.0, one(TimeTrend.DAY_OF_WEEK, t + 86_400)); // Monday
        assertEquals(303.0, one(TimeTrend.DAY_OF_YEAR, t));
        assertEquals(10.0, one(TimeTrend.MONTH, t));
        // 23:30Z on 31 Dec in UTC+1 is already 1 January locally
        long newYear = Instant.parse("2021-12-31T23:30:00Z").getEpochSecond();
        assertEquals(1.0, TimeTrends.compute(TimeTrend.MONTH, newYear, newYear + 1, 1800, ZoneId.of("Europe/Paris")).value(0));
        assertEquals(12.0, TimeTrends.compute(TimeTrend.MONTH, newYear, newYear + 1, 1800, null).value(0));
    }

    @Test
    void coversTheRangeEndExclusive() {
        Series s = TimeTrends.compute(TimeTrend.HOUR_OF_DAY, 0, 10 * 3600, 3600, null);
        assertEquals(10, s.size());
        assertEquals(10 * 3600, s.end());
        assertEquals(0, TimeTrends.compute(TimeTrend.HOUR_OF_DAY, 0, 0, 3600, null).size());
    }

    private static double one(TimeTrend f, long t) {
        return TimeTrends.compute(f, t, t + 3600, 3600, LONDON).value(0);
    }
}
