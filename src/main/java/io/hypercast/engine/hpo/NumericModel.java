package io.hypercast.engine.hpo;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * TPE for a numeric parameter: Parzen estimators l (good) and g (bad) in model space with the
 * prior N(middle, range); candidates are drawn from l and the one with the largest log l - log g
 * wins. On a quantized axis a candidate is a grid value and its likelihood is the mass of its q-cell.
 */
final class NumericModel implements ParameterModel {
    private final Axis axis;
    private final TpeSettings settings;
    private final double priorMu;
    private final double priorSigma;

    NumericModel(Axis axis, TpeSettings settings) {
        this.axis = Objects.requireNonNull(axis, "axis");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.priorMu = 0.5 * (axis.low() + axis.high());
        this.priorSigma = axis.high() - axis.low();
    }

    @Override
    public Object suggest(Object[] good, Object[] bad, RandomGenerator rng) {
        ParzenEstimator l = estimator(good);
        ParzenEstimator g = estimator(bad);
        int n = settings.nEiCandidates();
        double[] candidates = new double[n];
        for (int c = 0; c < n; c++) {
            candidates[c] = l.sample(rng);
        }
        return axis.quantized() ? bestOnGrid(candidates, l, g) : axis.valueAt(bestContinuous(candidates, l, g));
    }

    private static double bestContinuous(double[] candidates, ParzenEstimator l, ParzenEstimator g) {
        double best = candidates[0];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double x : candidates) {
            double score = l.logPdf(x) - g.logPdf(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return best;
    }

    private Object bestOnGrid(double[] candidates, ParzenEstimator l, ParzenEstimator g) {
        int n = candidates.length;
        long[] ks = new long[n];
        for (int c = 0; c < n; c++) {
            ks[c] = axis.gridIndex(candidates[c]);
        }
        long best = ks[0];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            long k = ks[c];
            if (seenBefore(ks, c)) {
                continue; // candidates crowd onto few grid points: score each point once
            }
            double a = axis.cellLow(k);
            double b = axis.cellHigh(k);
            double score = l.logMass(a, b) - g.logMass(a, b);
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return axis.gridValue(best);
    }

    private static boolean seenBefore(long[] ks, int c) {
        for (int j = 0; j < c; j++) {
            if (ks[j] == ks[c]) {
                return true;
            }
        }
        return false;
    }

    private ParzenEstimator estimator(Object[] values) {
        double[] obs = new double[values.length];
        int n = 0;
        for (Object v : values) {
            if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
                obs[n++] = axis.toModel(num.doubleValue());
            }
            // a missing or non-numeric value says nothing about this parameter
        }
        return ParzenEstimator.adaptive(n == obs.length ? obs : Arrays.copyOf(obs, n), n, settings.priorWeight(),
                priorMu, priorSigma, settings.linearForgetting(), settings.bandwidthFactor(), axis.low(), axis.high());
    }
}
