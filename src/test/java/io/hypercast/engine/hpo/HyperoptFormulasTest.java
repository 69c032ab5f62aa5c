package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypercast.model.Uniform;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins the TPE to hyperopt's formulas (hyperopt/tpe.py: adaptive_parzen_normal, linear_forgetting_weights,
 * ap_split_trials, GMM1_lpdf, build_posterior's broadcast_best) with values worked out by hand from them.
 */
class HyperoptFormulasTest {
    private static final double EPS = 1e-12;

    private static void assertComponents(ParzenEstimator pe, double[] mus, double[] sigmas, double[] weights) {
        assertEquals(mus.length, pe.components());
        for (int i = 0; i < mus.length; i++) {
            assertEquals(mus[i], pe.mu(i), EPS, "mu " + i);
            assertEquals(sigmas[i], pe.sigma(i), EPS, "sigma " + i);
            assertEquals(weights[i], pe.weight(i), EPS, "weight " + i);
        }
    }

    @Test
    void priorIsInsertedAtItsSortedPlaceAndEachKernelTakesItsLargerNeighbourGap() {
        // sorted with the prior (searchsorted left: before the equal observation):
        // 0.05 0.1 [0.5] 0.5 0.52 0.93; the ends take the one gap they have; minsigma = 1 / min(100, 1 + 6)
        ParzenEstimator pe = ParzenEstimator.adaptive(new double[] {0.1, 0.52, 0.5, 0.93, 0.05}, 5,
                1.0, 0.5, 1.0, 25, 1.0, 0, 1);
        double min = 1.0 / 7;
        assertComponents(pe,
                new double[] {0.05, 0.1, 0.5, 0.5, 0.52, 0.93},
                new double[] {min, 0.4, 1.0, min, 0.41, 0.41},
                new double[] {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0});
    }

    @Test
    void aSingleObservationGetsHalfThePriorSigmaAndThePriorItsWeight() {
        ParzenEstimator above = ParzenEstimator.adaptive(new double[] {0.8}, 1, 3.0, 0.5, 1.0, 25, 1.0, 0, 1);
        assertComponents(above, new double[] {0.5, 0.8}, new double[] {1.0, 0.5}, new double[] {0.75, 0.25});
        ParzenEstimator below = ParzenEstimator.adaptive(new double[] {0.2}, 1, 1.0, 0.5, 1.0, 25, 1.0, 0, 1);
        assertComponents(below, new double[] {0.2, 0.5}, new double[] {0.5, 1.0}, new double[] {0.5, 0.5});
    }

    @Test
    void sigmasAreClippedToThePriorSigmaAbove() {
        // sorted: 0.0 [0.5] 3.0; gaps 0.5 and 2.5, the latter clipped to prior_sigma 1; minsigma 1/4
        ParzenEstimator pe = ParzenEstimator.adaptive(new double[] {3.0, 0.0}, 2, 1.0, 0.5, 1.0, 25, 1.0, -1, 4);
        assertComponents(pe, new double[] {0.0, 0.5, 3.0}, new double[] {0.5, 1.0, 1.0},
                new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
    }

    @Test
    void theSmallestSigmaIsAHundredthOfThePriorSigmaOnceThereAreManyKernels() {
        int n = 150;
        double[] obs = new double[n];
        for (int i = 0; i < n; i++) {
            obs[i] = i * 1e-4; // all gaps far below any clip
        }
        ParzenEstimator pe = ParzenEstimator.adaptive(obs, n, 1.0, 0.5, 1.0, 25, 1.0, 0, 1);
        assertEquals(0.01, pe.sigma(0), EPS);
        assertEquals(0.01, pe.sigma(75), EPS);
    }

    @Test
    void forgettingWeightsStayWithTheirObservationsThroughTheSort() {
        // 30 observations, the oldest the largest: after sorting, the kernel at the oldest value keeps the
        // smallest weight 1/30 (numpy linspace(1/30, 1, 5) then 25 ones), the prior weighs prior_weight
        int n = 30;
        double[] obs = new double[n];
        for (int i = 0; i < n; i++) {
            obs[i] = 0.9 - 0.02 * i; // 0.9 (oldest) down to 0.32 (newest); prior 0.05 sorts first
        }
        ParzenEstimator pe = ParzenEstimator.adaptive(obs, n, 2.0, 0.05, 1.0, 25, 1.0, 0, 1);
        double[] ramp = {1.0 / 30, 1.0 / 30 + (1 - 1.0 / 30) / 4, 1.0 / 30 + 2 * (1 - 1.0 / 30) / 4,
            1.0 / 30 + 3 * (1 - 1.0 / 30) / 4, 1.0};
        double total = ramp[0] + ramp[1] + ramp[2] + ramp[3] + ramp[4] + 25 + 2.0;
        assertEquals(0.05, pe.mu(0), EPS);
        assertEquals(2.0 / total, pe.weight(0), EPS);
        for (int age = 0; age < 5; age++) {
            int sortedIndex = n - age; // observation `age` is the (age+1)-th largest
            assertEquals(obs[age], pe.mu(sortedIndex), EPS);
            assertEquals(ramp[age] / total, pe.weight(sortedIndex), EPS, "oldest + " + age);
        }
        assertEquals(1 / total, pe.weight(1), EPS); // the newest observation, 0.32
    }

    @Test
    void logDensityIsTheMixtureTruncatedAsAWholeToTheBounds() {
        // GMM1_lpdf: log sum_i w_i N(x; mu_i, sigma_i) - log sum_i w_i (Phi((high - mu_i)/sigma_i) - Phi((low - mu_i)/sigma_i))
        double[] mus = {0.2, 0.5};
        double[] sigmas = {0.5, 1.0};
        double[] w = {0.5, 0.5};
        ParzenEstimator pe = ParzenEstimator.adaptive(new double[] {0.2}, 1, 1.0, 0.5, 1.0, 25, 1.0, 0, 1);
        double x = 0.9;
        double density = 0;
        double accept = 0;
        for (int i = 0; i < 2; i++) {
            double z = (x - mus[i]) / sigmas[i];
            density += w[i] * Math.exp(-0.5 * z * z) / (sigmas[i] * Math.sqrt(2 * Math.PI));
            accept += w[i] * (phi((1 - mus[i]) / sigmas[i]) - phi((0 - mus[i]) / sigmas[i]));
        }
        assertEquals(Math.log(density / accept), pe.logPdf(x), 1e-6);
    }

    @Test
    void goodGroupIsCeilOfAQuarterOfTheSquareRootCappedAt25() {
        TpeSettings s = TpeSettings.hyperopt(20);
        assertEquals(1, s.goodCount(1));
        assertEquals(1, s.goodCount(16)); // ceil(0.25 * 4) = 1
        assertEquals(2, s.goodCount(17)); // ceil(1.03)
        assertEquals(2, s.goodCount(20));
        assertEquals(2, s.goodCount(64));
        assertEquals(3, s.goodCount(65));
        assertEquals(3, s.goodCount(100)); // ceil(2.5)
        assertEquals(25, s.goodCount(10_000)); // ceil(25) and the cap
        assertEquals(25, s.goodCount(1_000_000));
    }

    @Test
    void suggestionIsTheCandidateFromTheGoodDensityWithTheLargestLogRatio() {
        Axis axis = Axis.of(new Uniform(0, 1));
        TpeSettings settings = TpeSettings.hyperopt(0);
        NumericModel model = new NumericModel(axis, settings);
        Object[] good = {0.21, 0.25};
        double[] badValues = {0.05, 0.5, 0.9, 0.72, 0.33, 0.61, 0.15, 0.95, 0.44, 0.8};
        Object[] bad = new Object[badValues.length];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = badValues[i];
        }
        ParzenEstimator l = ParzenEstimator.adaptive(new double[] {0.21, 0.25}, 2, 1.0, 0.5, 1.0, 25, 1.0, 0, 1);
        ParzenEstimator g = ParzenEstimator.adaptive(badValues, badValues.length, 1.0, 0.5, 1.0, 25, 1.0, 0, 1);
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            double best = Double.NaN;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 24; c++) {
                double x = l.sample(rng);
                double score = l.logPdf(x) - g.logPdf(x);
                if (score > bestScore) {
                    bestScore = score;
                    best = x;
                }
            }
            assertEquals(best, (Double) model.suggest(good, bad, new SplittableRandom(seed)), 0.0, "seed " + seed);
        }
    }

    /** The standard normal CDF by Simpson's rule on [0, |z|] (independent of StandardNormal). */
    private static double phi(double z) {
        int n = 20_000;
        double a = Math.abs(z);
        double h = a / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double f = Math.exp(-0.5 * t * t);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        double half = sum * h / 3 / Math.sqrt(2 * Math.PI);
        return z >= 0 ? 0.5 + half : 0.5 - half;
    }
}
