package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResampleTest {
    private static final long H = 3600;
    private static final double NaN = Double.NaN;
    /** Hourly from 00:00: buckets of 2 h get (1, NaN), (3, 4), (NaN, NaN), (5, 7). */
    private static final Series HOURLY = Series.observed(0, H, new double[] {1, NaN, 3, 4, NaN, NaN, 5, 7});

    @Test
    void aggregationsSkipMissingAndAllMissingIsMissing() {
        assertArrayEquals(new double[] {1, 3.5, NaN, 6}, resample(Aggregation.MEAN).values());
        assertArrayEquals(new double[] {1, 7, NaN, 12}, resample(Aggregation.SUM).values());
        assertArrayEquals(new double[] {1, 3, NaN, 5}, resample(Aggregation.MIN).values());
        assertArrayEquals(new double[] {1, 4, NaN, 7}, resample(Aggregation.MAX).values());
        assertArrayEquals(new double[] {1, 4, NaN, 7}, resample(Aggregation.LAST).values());
    }

    @Test
    void bucketIsKnownWhenItsLastIntervalIsEvenIfMissing() {
        Series r = resample(Aggregation.MEAN);
        assertEquals(0, r.start());
        assertEquals(2 * H, r.periodSeconds());
        // Slot 01:00 is missing but the bucket [00:00, 02:00) is complete only at 02:00.
        assertArrayEquals(new long[] {2 * H, 4 * H, 6 * H, 8 * H}, r.knownFroms());
    }

    @Test
    void knownFromIsTheLatestOfTheInputs() {
        Series s = new Series(0, H, new double[] {1, 2, 3, 4}, new long[] {50 * H, 10 * H, Series.ALWAYS, 20 * H});
        Series r = Resample.apply(s, Duration.ofHours(2), Aggregation.SUM);
        assertArrayEquals(new double[] {3, 7}, r.values());
        assertArrayEquals(new long[] {50 * H, 20 * H}, r.knownFroms());
    }

    @Test
    void bucketsAlignToEpochMultiplesAndPartialEdgesCarryTheDelay() {
        // Hourly from 01:00 to 04:00 into 2 h buckets: [00:00, 02:00) and [02:00, 04:00) and [04:00, 06:00).
        Series s = Series.observed(H, H, new double[] {10, 20, 30, 40});
        Series r = Resample.apply(s, Duration.ofHours(2), Aggregation.MEAN);
        assertEquals(0, r.start());
        assertArrayEquals(new double[] {10, 25, 40}, r.values());
        // The last bucket's 05:00 slot lies outside the input: it would be known at 06:00.
        assertArrayEquals(new long[] {2 * H, 4 * H, 6 * H}, r.knownFroms());
    }

    @Test
    void dailyBucketsStartAtUtcMidnight() {
        long start = Instant.parse("2000-06-04T23:00:00Z").getEpochSecond();
        double[] v = new double[96];
        java.util.Arrays.fill(v, 1);
        Series halfHourly = Series.observed(start, 1800, v);
        Series daily = Resample.apply(halfHourly, Duration.ofDays(1), Aggregation.SUM);
        assertEquals(Instant.parse("2000-06-04T00:00:00Z").getEpochSecond(), daily.start());
        assertArrayEquals(new double[] {2, 48, 46}, daily.values());
        assertEquals(Instant.parse("2000-06-05T00:00:00Z").getEpochSecond(), daily.knownFrom(0));
        assertEquals(Instant.parse("2000-06-07T00:00:00Z").getEpochSecond(), daily.knownFrom(2));
    }

    @Test
    void samePeriodIsIdentity() {
        assertEquals(HOURLY, Resample.apply(HOURLY, Duration.ofHours(1), Aggregation.MEAN));
    }

    @Test
    void finerOrNonMultiplePeriodOrMisalignedGridIsRefused() {
        assertEquals("period", assertThrows(InvalidInputException.class,
                () -> Resample.apply(HOURLY, Duration.ofMinutes(90), Aggregation.MEAN)).where());
        assertThrows(InvalidInputException.class, () -> Resample.apply(HOURLY, Duration.ofMinutes(30), Aggregation.MEAN));
        Series offGrid = Series.observed(900, H, new double[] {1, 2});
        assertThrows(InvalidInputException.class, () -> Resample.apply(offGrid, Duration.ofHours(2), Aggregation.MEAN));
    }

    private static Series resample(Aggregation agg) {
        return Resample.apply(HOURLY, Duration.ofHours(2), agg);
    }
}
