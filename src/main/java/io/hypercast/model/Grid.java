package io.hypercast.model;

import java.math.BigDecimal;

/** The grid of multiples of q used by quantized distributions, computed without binary rounding surprises. */
public final class Grid {
    private static final double EPS = 1e-9;

    private Grid() {
    }

    /** The smallest k with k*q &gt;= lower. */
    public static long kMin(double lower, double q) {
        double k = lower / q;
        long r = Math.round(k);
        if (Math.abs(k - r) < EPS * Math.max(1, Math.abs(k))) {
            return r;
        }
        return (long) Math.ceil(k);
    }

    /** The largest k with k*q &lt;= upper. */
    public static long kMax(double upper, double q) {
        double k = upper / q;
        long r = Math.round(k);
        if (Math.abs(k - r) < EPS * Math.max(1, Math.abs(k))) {
            return r;
        }
        return (long) Math.floor(k);
    }

    /** k*q as the decimal a person would write (0.0015, not 0.0015000000000000002). */
    public static double value(long k, double q) {
        return new BigDecimal(Long.toString(k)).multiply(BigDecimal.valueOf(q)).doubleValue();
    }
}
