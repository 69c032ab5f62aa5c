package io.hypercast.engine.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable regular time series: {@code values[i]} covers [start + i * period, start + (i + 1) * period)
 * (interval-start convention, SPEC section 2), times in epoch seconds UTC. NaN is a missing value.
 *
 * <p>Every point also carries {@code knownFrom[i]}, the epoch second from which its value (or the fact
 * that it is missing) is known. Backtests read a point at a reference time r only if knownFrom &lt;= r,
 * so every operation must carry knownFrom through exactly; {@link #ALWAYS} marks values known in advance
 * (calendar features).
 *
 * <p>Arrays are copied in and out so that a series can be shared between threads and backtests.
 */
public final class Series {
    /** knownFrom of a value known at any time (calendar, time trends). */
    public static final long ALWAYS = Long.MIN_VALUE;
    /** knownFrom of a time the series does not cover: never known. */
    public static final long NEVER = Long.MAX_VALUE;

    private final long start;
    private final long periodSeconds;
    private final double[] values;
    private final long[] knownFrom;

    /** A series with explicit availability; arrays are copied. */
    public Series(long start, long periodSeconds, double[] values, long[] knownFrom) {
        this(start, periodSeconds, values.clone(), knownFrom.clone(), true);
    }

    private Series(long start, long periodSeconds, double[] values, long[] knownFrom, boolean owned) {
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodSeconds + " s");
        }
        if (values.length != knownFrom.length) {
            throw new IllegalArgumentException(values.length + " values but " + knownFrom.length + " knownFrom entries");
        }
        Math.addExact(start, Math.multiplyExact(periodSeconds, (long) values.length)); // end must fit in a long
        this.start = start;
        this.periodSeconds = periodSeconds;
        this.values = values;
        this.knownFrom = knownFrom;
    }

    /** Wraps arrays this package has just built and will not touch again (no copy). */
    static Series wrap(long start, long periodSeconds, double[] values, long[] knownFrom) {
        return new Series(start, periodSeconds, values, knownFrom, true);
    }

    /** Observed values: the value of the interval starting at t is known from t + period (SPEC section 2). */
    public static Series observed(long start, long periodSeconds, double[] values) {
        long[] known = new long[values.length];
        for (int i = 0; i < known.length; i++) {
            known[i] = start + (i + 1L) * periodSeconds;
        }
        return new Series(start, periodSeconds, values.clone(), known, true);
    }

    /** Values known in advance (knownFrom = {@link #ALWAYS}). */
    public static Series alwaysKnown(long start, long periodSeconds, double[] values) {
        long[] known = new long[values.length];
        Arrays.fill(known, ALWAYS);
        return new Series(start, periodSeconds, values.clone(), known, true);
    }

    public long start() {
        return start;
    }

    public long periodSeconds() {
        return periodSeconds;
    }

    public Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    public int size() {
        return values.length;
    }

    /** Exclusive end: the end of the last interval. */
    public long end() {
        return start + periodSeconds * values.length;
    }

    /** Start of the i-th interval. */
    public long timeAt(int i) {
        return start + periodSeconds * i;
    }

    /** Index of the interval starting at t, or -1 if t is outside the series or off its grid. */
    public int indexOf(long t) {
        if (t < start || t >= end()) {
            return -1;
        }
        long offset = t - start;
        return offset % periodSeconds == 0 ? (int) (offset / periodSeconds) : -1;
    }

    /** Value of the interval starting at t; NaN if missing, outside or off the grid. */
    public double valueAt(long t) {
        int i = indexOf(t);
        return i < 0 ? Double.NaN : values[i];
    }

    /** knownFrom of the interval starting at t; {@link #NEVER} if outside or off the grid. */
    public long knownFromAt(long t) {
        int i = indexOf(t);
        return i < 0 ? NEVER : knownFrom[i];
    }

    /** The value at t as it was known at {@code asOf}: NaN if missing or not yet known then. */
    public double valueAsOf(long t, long asOf) {
        int i = indexOf(t);
        return i < 0 || knownFrom[i] > asOf ? Double.NaN : values[i];
    }

    public double value(int i) {
        return values[i];
    }

    public long knownFrom(int i) {
        return knownFrom[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the knownFrom entries. */
    public long[] knownFroms() {
        return knownFrom.clone();
    }

    /** Number of non-missing values. */
    public int countPresent() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** The same grid and availability with other values (same length). */
    public Series withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException(newValues.length + " values for a series of " + values.length);
        }
        return new Series(start, periodSeconds, newValues.clone(), knownFrom, true);
    }

    /** The same values on a grid moved to a new start (used by shifts). */
    public Series withStart(long newStart) {
        return new Series(newStart, periodSeconds, values, knownFrom, true);
    }

    /** The part of the series in [from, to), clipped to the series; from and to are rounded outward to the grid. */
    public Series slice(long from, long to) {
        long lo = Math.max(0, Math.floorDiv(from - start, periodSeconds));
        long hi = Math.min(values.length, -Math.floorDiv(start - to, periodSeconds));
        if (hi <= lo) {
            return new Series(start + lo * periodSeconds, periodSeconds, new double[0], new long[0], true);
        }
        return new Series(start + lo * periodSeconds, periodSeconds,
                Arrays.copyOfRange(values, (int) lo, (int) hi), Arrays.copyOfRange(knownFrom, (int) lo, (int) hi), true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && start == s.start && periodSeconds == s.periodSeconds
                && Arrays.equals(values, s.values) && Arrays.equals(knownFrom, s.knownFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, periodSeconds, Arrays.hashCode(values), Arrays.hashCode(knownFrom));
    }

    @Override
    public String toString() {
        return "Series[" + Instant.ofEpochSecond(start) + " .. " + Instant.ofEpochSecond(end()) + ", "
                + period() + ", " + values.length + " points, " + countPresent() + " present]";
    }
}
