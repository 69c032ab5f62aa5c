package io.hypercast.engine.backtest;

import io.hypercast.model.Metrics;

/**
 * Accumulates errors over (time, reference_time) pairs with a known target. mape is in percent,
 * over rows whose actual is not zero; with no such row it is null (never 0, never huge).
 */
public final class MetricsCalculator {
    private long rows;
    private double sumAbs;
    private double sumSq;
    private long mapeRows;
    private double sumPct;
    private long zeroActuals;

    public void add(double actual, double predicted) {
        double e = predicted - actual;
        rows++;
        sumAbs += Math.abs(e);
        sumSq += e * e;
        if (actual == 0.0) {
            zeroActuals++;
        } else {
            mapeRows++;
            sumPct += Math.abs(e) / Math.abs(actual);
        }
    }

    public void addAll(MetricsCalculator other) {
        rows += other.rows;
        sumAbs += other.sumAbs;
        sumSq += other.sumSq;
        mapeRows += other.mapeRows;
        sumPct += other.sumPct;
        zeroActuals += other.zeroActuals;
    }

    public long rows() {
        return rows;
    }

    /** The metrics, or null when no row had a known target. */
    public Metrics result() {
        if (rows == 0) {
            return null;
        }
        double mse = sumSq / rows;
        Double mape = mapeRows == 0 ? null : 100.0 * sumPct / mapeRows;
        return new Metrics(sumAbs / rows, mse, Math.sqrt(mse), mape, rows, zeroActuals);
    }
}
