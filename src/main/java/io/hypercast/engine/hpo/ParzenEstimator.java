package io.hypercast.engine.hpo;

import java.util.random.RandomGenerator;

/**
 * hyperopt's adaptive Parzen estimator of one numeric parameter in model space: a mixture of one
 * normal per observation plus the prior, truncated to [low, high] (hyperopt's GMM1 with low and
 * high). Not thread-safe: it keeps a scratch array; build one per suggestion.
 */
final class ParzenEstimator {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Below this a cell's summed mass is recomputed in log space rather than trusted. */
    private static final double TINY = 1e-280;
    /** Rejection sampling accepts at least about a third of draws; this bound only stops a broken estimator. */
    private static final int MAX_DRAWS = 100_000;
    /** Terms below exp(-40) of the largest change a sum by less than 1e-17 relative. */
    private static final double EXP_CUTOFF = 40;
    /** As EXP_CUTOFF, plus room for the mass bound's overestimate (at most log(range / smallest sigma * z)). */
    private static final double MASS_CUTOFF = 60;

    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;
    private final double[] logWeights;
    private final double[] invSigmas;
    private final double[] logCoefs;
    private final double[] cumulative;
    private final double low;
    private final double high;
    private final double logPAccept;
    private final double[] scratch;

    private ParzenEstimator(double[] mus, double[] sigmas, double[] weights, double low, double high) {
        int m = mus.length;
        this.mus = mus;
        this.sigmas = sigmas;
        this.weights = weights;
        this.low = low;
        this.high = high;
        this.logWeights = new double[m];
        this.invSigmas = new double[m];
        this.logCoefs = new double[m];
        this.cumulative = new double[m];
        this.scratch = new double[m];
        double acc = 0;
        double pAccept = 0;
        for (int i = 0; i < m; i++) {
            invSigmas[i] = 1 / sigmas[i];
            logWeights[i] = Math.log(weights[i]);
            logCoefs[i] = logWeights[i] - Math.log(sigmas[i]) - LOG_SQRT_2PI;
            acc += weights[i];
            cumulative[i] = acc;
            pAccept += weights[i] * StandardNormal.mass((low - mus[i]) * invSigmas[i], (high - mus[i]) * invSigmas[i]);
        }
        cumulative[m - 1] = Double.POSITIVE_INFINITY; // rounding never leaves a draw without a component
        this.logPAccept = Math.log(pAccept);
    }

    /**
     * hyperopt's adaptive_parzen_normal: the prior N(priorMu, priorSigma) is inserted at its sorted
     * position among the observations; each observation's sigma is the larger distance to its sorted
     * neighbours, clipped to [priorSigma / min(100, 1 + components), priorSigma]; weights are the
     * linear-forgetting weights and priorWeight for the prior.
     *
     * @param obs observations in model space, oldest first (only the first n are used)
     * @param bandwidthFactor 1 for hyperopt's clip; larger lets kernels narrow faster (see {@link TpeSettings})
     */
    static ParzenEstimator adaptive(double[] obs, int n, double priorWeight, double priorMu, double priorSigma,
                                    int linearForgetting, double bandwidthFactor, double low, double high) {
        if (!(priorSigma > 0) || !(low < high) || !(priorWeight > 0)) {
            throw new IllegalArgumentException("need priorSigma > 0, priorWeight > 0 and low < high");
        }
        int m = n + 1;
        double[] mu = new double[m];
        double[] sigma = new double[m];
        double[] w = new double[m];
        int pos;
        if (n == 0) {
            pos = 0;
        } else if (n == 1) {
            pos = priorMu < obs[0] ? 0 : 1;
            mu[1 - pos] = obs[0];
            sigma[1 - pos] = 0.5 * priorSigma;
            w[1 - pos] = 1;
        } else {
            int[] order = argsort(obs, n);
            pos = 0;
            while (pos < n && obs[order[pos]] < priorMu) {
                pos++;
            }
            double[] forget = ForgettingWeights.of(n, linearForgetting);
            for (int i = 0; i < n; i++) {
                int j = i < pos ? i : i + 1;
                mu[j] = obs[order[i]];
                w[j] = forget[order[i]];
            }
            mu[pos] = priorMu;
            for (int i = 1; i < m - 1; i++) {
                sigma[i] = Math.max(mu[i] - mu[i - 1], mu[i + 1] - mu[i]);
            }
            sigma[0] = mu[1] - mu[0];
            sigma[m - 1] = mu[m - 1] - mu[m - 2];
        }
        mu[pos] = priorMu;
        w[pos] = priorWeight;
        double minSigma = priorSigma / Math.min(100.0, bandwidthFactor * (1.0 + m));
        double total = 0;
        for (int i = 0; i < m; i++) {
            sigma[i] = Math.min(priorSigma, Math.max(minSigma, sigma[i]));
            total += w[i];
        }
        sigma[pos] = priorSigma;
        for (int i = 0; i < m; i++) {
            w[i] /= total;
        }
        return new ParzenEstimator(mu, sigma, w, low, high);
    }

    int components() {
        return mus.length;
    }

    /** Centre of component i, in sorted order (the prior among them). */
    double mu(int i) {
        return mus[i];
    }

    /** Width of component i. */
    double sigma(int i) {
        return sigmas[i];
    }

    /** Normalized weight of component i. */
    double weight(int i) {
        return weights[i];
    }

    /** A draw from the truncated mixture (hyperopt redraws the component on every rejection too). */
    double sample(RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            int i = component(rng.nextDouble());
            double x = mus[i] + sigmas[i] * gaussian(rng);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.min(high, Math.max(low, mus[component(rng.nextDouble())]));
    }

    /** Log density at x of the truncated mixture. */
    double logPdf(double x) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) * invSigmas[i];
            double e = logCoefs[i] - 0.5 * z * z;
            scratch[i] = e;
            if (e > max) {
                max = e;
            }
        }
        return max + Math.log(sumExp(max)) - logPAccept;
    }

    /** Log probability of the interval [a, b] under the truncated mixture (a q-cell of a quantized axis). */
    double logMass(double a, double b) {
        // first a cheap upper bound of every component's log mass (its peak density on the cell times
        // the width, at most its weight), so that the exact mass is computed only for components that
        // can matter: with many narrow kernels most of them lie far from any one cell
        double logWidth = Math.log(b - a);
        double maxBound = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mus.length; i++) {
            double za = (a - mus[i]) * invSigmas[i];
            double zb = (b - mus[i]) * invSigmas[i];
            double near = za > 0 ? za : zb < 0 ? -zb : 0;
            double bound = Math.min(logWeights[i], logCoefs[i] + logWidth - 0.5 * near * near);
            scratch[i] = bound;
            if (bound > maxBound) {
                maxBound = bound;
            }
        }
        double cutoff = maxBound - MASS_CUTOFF;
        double sum = 0;
        for (int i = 0; i < mus.length; i++) {
            if (scratch[i] > cutoff) {
                sum += weights[i] * StandardNormal.mass((a - mus[i]) * invSigmas[i], (b - mus[i]) * invSigmas[i]);
            }
        }
        if (sum > TINY) {
            return Math.log(sum) - logPAccept;
        }
        // the cell lies far in every component's tail: redo the sum in log space
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mus.length; i++) {
            double e = logWeights[i] + StandardNormal.logMass((a - mus[i]) * invSigmas[i], (b - mus[i]) * invSigmas[i]);
            scratch[i] = e;
            if (e > max) {
                max = e;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(sumExp(max)) - logPAccept;
    }

    /** Sum of exp(scratch - max), skipping terms too small to change it (saves most exps with narrow kernels). */
    private double sumExp(double max) {
        double cutoff = max - EXP_CUTOFF;
        double sum = 0;
        for (int i = 0; i < mus.length; i++) {
            if (scratch[i] > cutoff) {
                sum += Math.exp(scratch[i] - max);
            }
        }
        return sum;
    }

    private int component(double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * A standard normal draw by Marsaglia's polar method: written out rather than taken from the JDK
     * so that suggestions stay the same across Java versions.
     */
    private static double gaussian(RandomGenerator rng) {
        double u;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Indices 0..n-1 ordered by value (stable merge sort: no boxing). */
    private static int[] argsort(double[] values, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (i < mid && (j >= hi || values[a[i]] <= values[a[j]])) {
                        b[k] = a[i++];
                    } else {
                        b[k] = a[j++];
                    }
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
