package io.hypercast.engine.hpo;

/**
 * Tail probabilities of the standard normal distribution, accurate in relative terms far into the
 * tails, where the Parzen estimators of the TPE evaluate most q-cells. Java has no erf, and the
 * pom has no maths library, so we use the Chebyshev fit of erfc from Press et al., Numerical
 * Recipes (section 6.2): relative error below 1.2e-7 for every argument, one exp per call.
 */
final class StandardNormal {
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double LOG_HALF = Math.log(0.5);
    /** Below this half-width (scaled by 1 + |mid|) a cell's mass comes from a Taylor expansion: no cancellation. */
    private static final double NARROW = 0.02;

    private StandardNormal() {
    }

    /** P(Z &gt; z). */
    static double upperTail(double z) {
        if (z < 0) {
            return 1 - upperTail(-z);
        }
        if (z == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double x = z * INV_SQRT2;
        double t = 1 / (1 + 0.5 * x);
        return 0.5 * t * Math.exp(-x * x + erfcPoly(t));
    }

    /** P(Z &lt;= z). */
    static double cdf(double z) {
        return upperTail(-z);
    }

    /** P(za &lt; Z &lt; zb) for za &lt;= zb, subtracting only tails of the same side. */
    static double mass(double za, double zb) {
        double h = 0.5 * (zb - za);
        double m = 0.5 * (za + zb);
        if (h * (1 + Math.abs(m)) < NARROW) {
            // integral of phi over [m-h, m+h] to fourth order: phi'' = (m^2 - 1) phi
            return 2 * h * INV_SQRT_2PI * Math.exp(-0.5 * m * m) * (1 + h * h * (m * m - 1) / 6);
        }
        if (za >= 0) {
            return upperTail(za) - upperTail(zb);
        }
        if (zb <= 0) {
            return upperTail(-zb) - upperTail(-za);
        }
        return 1 - upperTail(-za) - upperTail(zb);
    }

    /** log P(za &lt; Z &lt; zb) that stays finite where {@link #mass} underflows to 0. */
    static double logMass(double za, double zb) {
        double h = 0.5 * (zb - za);
        double m = 0.5 * (za + zb);
        if (h * (1 + Math.abs(m)) < NARROW) {
            return Math.log(2 * h) - LOG_SQRT_2PI - 0.5 * m * m + Math.log1p(h * h * (m * m - 1) / 6);
        }
        if (za >= 0) {
            return logTailDifference(za, zb);
        }
        if (zb <= 0) {
            return logTailDifference(-zb, -za);
        }
        return Math.log(mass(za, zb));
    }

    /** log(Q(a) - Q(b)) for 0 &lt;= a &lt;= b. */
    private static double logTailDifference(double a, double b) {
        double la = logUpperTail(a);
        double lb = logUpperTail(b);
        return la + Math.log1p(-Math.exp(lb - la));
    }

    /** log P(Z &gt; z) for z &gt;= 0, without forming the (possibly underflowing) probability. */
    private static double logUpperTail(double z) {
        if (z == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double x = z * INV_SQRT2;
        double t = 1 / (1 + 0.5 * x);
        return LOG_HALF + Math.log(t) - x * x + erfcPoly(t);
    }

    private static double erfcPoly(double t) {
        return -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    }
}
