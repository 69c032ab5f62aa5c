package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;

import java.time.Duration;

/**
 * Resampling to a coarser period that is a whole multiple of the input's.
 *
 * <p>Buckets are aligned to epoch multiples of the new period: hourly buckets start on the hour and
 * daily buckets at midnight UTC (not local midnight), weekly buckets on Thursdays (1970-01-01 was a
 * Thursday). The input grid must itself sit on epoch multiples of its period so that no input interval
 * straddles two buckets.
 *
 * <p>Missing inputs are skipped; a bucket with no present input is missing. A bucket is known only
 * once every one of its input intervals would be known, missing ones included: its knownFrom is the
 * largest knownFrom of its slots. Slots of a partial first or last bucket that lie outside the input
 * take the knownFrom the input's nearest point would have there (same delay, moved by whole periods),
 * so a half-observed day does not look complete at noon.
 */
public final class Resample {
    /** Where a bad new period is reported. */
    public static final String WHERE = "period";

    private Resample() {
    }

    public static Series apply(Series s, Duration newPeriod, Aggregation agg) {
        if (newPeriod.getNano() != 0 || newPeriod.getSeconds() <= 0) {
            throw new InvalidInputException(WHERE, "new period " + newPeriod + " must be a positive whole number of seconds");
        }
        long p = s.periodSeconds();
        long bigP = newPeriod.getSeconds();
        if (bigP % p != 0) {
            throw new InvalidInputException(WHERE, "new period " + newPeriod + " is not a whole multiple of the sample period "
                    + s.period() + "; resampling only goes to a coarser period");
        }
        if (Math.floorMod(s.start(), p) != 0) {
            throw new InvalidInputException(WHERE, "the series starts off the epoch grid of its own period " + s.period()
                    + ", so its intervals would straddle " + newPeriod + " buckets");
        }
        long first = Math.floorDiv(s.start(), bigP) * bigP;
        if (s.size() == 0) {
            return Series.wrap(first, bigP, new double[0], new long[0]);
        }
        long last = Math.floorDiv(s.end() - 1, bigP) * bigP;
        int buckets = (int) ((last - first) / bigP + 1);
        int perBucket = (int) (bigP / p);
        double[] values = new double[buckets];
        long[] known = new long[buckets];
        long offset = (first - s.start()) / p; // index of the first bucket's first slot, <= 0
        for (int b = 0; b < buckets; b++) {
            double acc = agg == Aggregation.MIN ? Double.POSITIVE_INFINITY
                    : agg == Aggregation.MAX ? Double.NEGATIVE_INFINITY : 0;
            double lastValue = Double.NaN;
            int count = 0;
            long kf = Series.ALWAYS;
            for (int k = 0; k < perBucket; k++) {
                long i = offset + (long) b * perBucket + k;
                kf = Math.max(kf, knownFromOfSlot(s, i));
                double v = i >= 0 && i < s.size() ? s.value((int) i) : Double.NaN;
                if (Double.isNaN(v)) {
                    continue;
                }
                count++;
                lastValue = v;
                switch (agg) {
                    case MEAN, SUM -> acc += v;
                    case MIN -> acc = Math.min(acc, v);
                    case MAX -> acc = Math.max(acc, v);
                    case LAST -> { }
                }
            }
            values[b] = count == 0 ? Double.NaN : switch (agg) {
                case MEAN -> acc / count;
                case SUM, MIN, MAX -> acc;
                case LAST -> lastValue;
            };
            known[b] = kf;
        }
        return Series.wrap(first, bigP, values, known);
    }

    /** knownFrom of slot i of s; outside the series, the nearest point's delay carried over whole periods. */
    private static long knownFromOfSlot(Series s, long i) {
        if (i >= 0 && i < s.size()) {
            return s.knownFrom((int) i);
        }
        int nearest = i < 0 ? 0 : s.size() - 1;
        long kf = s.knownFrom(nearest);
        if (kf == Series.ALWAYS || kf == Series.NEVER) {
            return kf;
        }
        return saturatedAdd(kf, (i - nearest) * s.periodSeconds());
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return b > 0 ? Series.NEVER : Series.ALWAYS + 1;
        }
        return r;
    }
}
