package io.hypercast.engine.backtest;

import io.hypercast.engine.data.Series;
import io.hypercast.engine.timing.Schedules;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Builds each fold's matrices under the leakage-free rule (SPEC section 3): a fit at f sees only
 * targets known at f; a row for target interval t takes each feature as it was known at the
 * reference time r that forecasts t (at prediction: the predict reference time; in training: the
 * latest predict reference time whose window holds t, and never later than f). A feature value not
 * yet known at r is null (NaN). The horizon t - r, in hours, is the last column.
 */
final class FeatureBuilder {
    private final BacktestSpec spec;
    private final ModelInputs inputs;
    private final long period;
    private final long ps;
    private final long pe;

    FeatureBuilder(BacktestSpec spec, ModelInputs inputs) {
        this.spec = spec;
        this.inputs = inputs;
        this.period = inputs.target().periodSeconds();
        this.ps = spec.predictStartTiming().offset().getSeconds();
        this.pe = spec.predictEndTiming().offset().getSeconds();
    }

    int cols() {
        return inputs.features().size() + 1;
    }

    FoldMatrix build(FoldPlan.Fold fold) {
        long f = fold.fitTime().getEpochSecond();
        int cols = cols();
        // training rows
        long winStart = ceilToGrid(f + spec.fitStartTiming().offset().getSeconds());
        long winEnd = f + spec.fitEndTiming().offset().getSeconds();
        int maxRows = (int) Math.max(0, (winEnd - winStart + period - 1) / period);
        long[] refs = predictRefsCovering(winStart, winEnd);
        float[] x = new float[maxRows * cols];
        float[] y = new float[maxRows];
        int n = 0;
        Series target = inputs.target();
        for (long t = winStart; t < winEnd; t += period) {
            double v = target.valueAt(t);
            if (Double.isNaN(v) || target.knownFromAt(t) > f) {
                continue;
            }
            long r = latestRefFor(refs, t);
            if (r == Long.MIN_VALUE) {
                continue; // no predict reference time would have forecast t: no availability pattern to copy
            }
            long known = Math.min(r, f);
            fillRow(x, n * cols, t, known, t - r);
            y[n] = (float) v;
            n++;
        }
        // prediction rows
        int perRef = 0;
        for (Instant ri : fold.predictTimes()) {
            long r = ri.getEpochSecond();
            perRef += (int) Math.max(0, (r + pe - ceilToGrid(r + ps) + period - 1) / period);
        }
        float[] px = new float[perRef * cols];
        long[] pt = new long[perRef];
        long[] pr = new long[perRef];
        double[] act = new double[perRef];
        boolean[] hasNull = new boolean[perRef];
        int m = 0;
        for (Instant ri : fold.predictTimes()) {
            long r = ri.getEpochSecond();
            for (long t = ceilToGrid(r + ps); t < r + pe; t += period) {
                hasNull[m] = fillRow(px, m * cols, t, r, t - r);
                pt[m] = t;
                pr[m] = r;
                act[m] = target.valueAt(t);
                m++;
            }
        }
        return new FoldMatrix(fold.index(), fold.fitTime(), cols, Arrays.copyOf(x, n * cols), Arrays.copyOf(y, n), n,
                px, pt, pr, act, hasNull, m);
    }

    /** Writes the features of target interval t as known at {@code known}; returns whether any is null. */
    private boolean fillRow(float[] dst, int off, long t, long known, long horizonSeconds) {
        boolean anyNull = false;
        List<Series> features = inputs.features();
        for (int j = 0; j < features.size(); j++) {
            Series s = features.get(j);
            long slot = s.start() + Math.floorDiv(t - s.start(), s.periodSeconds()) * s.periodSeconds();
            double v = s.valueAt(slot);
            if (Double.isNaN(v) || s.knownFromAt(slot) > known) {
                dst[off + j] = Float.NaN;
                anyNull = true;
            } else {
                dst[off + j] = (float) v;
            }
        }
        dst[off + features.size()] = (float) (horizonSeconds / 3600.0);
        return anyNull;
    }

    private long ceilToGrid(long t) {
        long start = inputs.target().start();
        return start + Math.floorDiv(t - start + period - 1, period) * period;
    }

    /** Predict reference times that may forecast a target in [from, to), ascending. */
    private long[] predictRefsCovering(long from, long to) {
        if (from >= to) {
            return new long[0];
        }
        List<Instant> list = Schedules.firings(spec.predictReferenceTiming(), Instant.ofEpochSecond(from - pe),
                Instant.ofEpochSecond(to - ps + 1));
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).getEpochSecond();
        }
        return out;
    }

    /** The latest r with r + ps &lt;= t &lt; r + pe, or Long.MIN_VALUE. */
    private long latestRefFor(long[] refs, long t) {
        int i = Arrays.binarySearch(refs, t - ps);
        int idx = i >= 0 ? i : -i - 2;
        if (idx < 0) {
            return Long.MIN_VALUE;
        }
        long r = refs[idx];
        return t < r + pe ? r : Long.MIN_VALUE;
    }

    static void requireTrainingRows(FoldMatrix m) {
        if (m.trainRows() == 0) {
            throw new InvalidInputException("fit_start_timing", "the fold fit at " + m.fitTime()
                    + " has no training row: no known target in its fit window (check the data range and fit_start_timing/fit_end_timing)");
        }
    }
}
