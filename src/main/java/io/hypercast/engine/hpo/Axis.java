package io.hypercast.engine.hpo;

import io.hypercast.model.Distribution;
import io.hypercast.model.Grid;
import io.hypercast.model.LogUniform;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.Uniform;

/**
 * A numeric distribution seen in the space the samplers work in: natural units for Uniform and
 * QUniform, natural log for the log ones (the log base only labels chart axes). Quantized axes map
 * a point to grid index k = clamp(round(x/q), kMin, kMax), so every value lies on the grid inside
 * [lower, upper]; the q-cell of k is therefore [kq - q/2, kq + q/2] with the edge cells stretched
 * to the bounds, which is what the TPE integrates over.
 */
final class Axis {
    private final double lower;
    private final double upper;
    private final boolean log;
    private final double low;
    private final double high;
    private final double q;
    private final long kMin;
    private final long kMax;
    private final boolean integral;

    private Axis(double lower, double upper, boolean log, double q, long kMin, long kMax, boolean integral) {
        this.lower = lower;
        this.upper = upper;
        this.log = log;
        this.low = log ? Math.log(lower) : lower;
        this.high = log ? Math.log(upper) : upper;
        this.q = q;
        this.kMin = kMin;
        this.kMax = kMax;
        this.integral = integral;
    }

    /** The axis of a numeric distribution, or null for Choice and Constant. */
    static Axis of(Distribution d) {
        if (d instanceof Uniform u) {
            return new Axis(u.lower(), u.upper(), false, 0, 0, 0, false);
        }
        if (d instanceof LogUniform u) {
            return new Axis(u.lower(), u.upper(), true, 0, 0, 0, false);
        }
        if (d instanceof QUniform u) {
            return new Axis(u.lower(), u.upper(), false, u.q(), u.kMin(), u.kMax(), u.integral());
        }
        if (d instanceof QLogUniform u) {
            return new Axis(u.lower(), u.upper(), true, u.q(), u.kMin(), u.kMax(), u.integral());
        }
        return null;
    }

    /** Lower bound in model space. */
    double low() {
        return low;
    }

    /** Upper bound in model space. */
    double high() {
        return high;
    }

    boolean quantized() {
        return q > 0;
    }

    /** A natural value in model space, clamped into the bounds (stored values could be off by rounding). */
    double toModel(double natural) {
        double v = Math.min(upper, Math.max(lower, natural));
        return log ? Math.log(v) : v;
    }

    /** The grid index a model-space point rounds to, clamped to the grid inside the bounds. */
    long gridIndex(double x) {
        double natural = log ? Math.exp(x) : x;
        long k = Math.round(natural / q);
        return Math.min(kMax, Math.max(kMin, k));
    }

    /** Lower end of grid index k's cell, in model space. */
    double cellLow(long k) {
        double a = k == kMin ? lower : Math.max(lower, k * q - 0.5 * q);
        return log ? Math.log(a) : a;
    }

    /** Upper end of grid index k's cell, in model space. */
    double cellHigh(long k) {
        double b = k == kMax ? upper : Math.min(upper, k * q + 0.5 * q);
        return log ? Math.log(b) : b;
    }

    /** The parameter value at grid index k: Long when the distribution is integral. */
    Object gridValue(long k) {
        if (integral) {
            return k * Math.round(q);
        }
        return Grid.value(k, q);
    }

    /** The parameter value of a model-space point: on the grid when quantized, inside the bounds always. */
    Object valueAt(double x) {
        if (quantized()) {
            return gridValue(gridIndex(x));
        }
        double natural = log ? Math.exp(x) : x;
        return Math.min(upper, Math.max(lower, natural));
    }
}
