package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
    private static final double[] OBS = {0.1, 0.52, 0.5, 0.93, 0.05};

    private static ParzenEstimator estimator() {
        return ParzenEstimator.adaptive(OBS, OBS.length, 1.0, 0.5, 1.0, 25, 1.0, 0, 1);
    }

    @Test
    void truncatedDensityIntegratesToOneInsideTheBounds() {
        ParzenEstimator pe = estimator();
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(pe.logPdf((i + 0.5) / n)) / n;
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void cellMassesAddUpToOne() {
        ParzenEstimator pe = estimator();
        double sum = 0;
        for (int k = 0; k < 40; k++) {
            sum += Math.exp(pe.logMass(k / 40.0, (k + 1) / 40.0));
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void cellMassAgreesWithTheIntegratedDensity() {
        ParzenEstimator pe = estimator();
        int n = 100_000;
        double integral = 0;
        for (int i = 0; i < n; i++) {
            integral += Math.exp(pe.logPdf(0.45 + 0.1 * (i + 0.5) / n)) * 0.1 / n;
        }
        assertEquals(integral, Math.exp(pe.logMass(0.45, 0.55)), 1e-7);
    }

    @Test
    void cellFarInTheTailsHasAFiniteLogMass() {
        ParzenEstimator pe = ParzenEstimator.adaptive(new double[] {0.0, 0.001}, 2, 1e-9, 0.0005, 0.001, 25, 1.0, -1, 1);
        double lm = pe.logMass(0.9, 0.91);
        assertTrue(Double.isFinite(lm) && lm < -1000, "log mass " + lm);
    }

    @Test
    void samplesFollowTheDensity() {
        ParzenEstimator pe = estimator();
        SplittableRandom rng = new SplittableRandom(1);
        int n = 200_000;
        int inside = 0;
        for (int i = 0; i < n; i++) {
            double x = pe.sample(rng);
            assertTrue(x >= 0 && x <= 1);
            if (x >= 0.4 && x < 0.6) {
                inside++;
            }
        }
        assertEquals(Math.exp(pe.logMass(0.4, 0.6)), inside / (double) n, 0.005);
    }

    @Test
    void linearForgettingRampsTheOldestObservationsLikeHyperopt() {
        // numpy: np.linspace(1/30, 1, 5) followed by 25 ones
        double[] w = ForgettingWeights.of(30, 25);
        double[] expected = new double[30];
        for (int i = 0; i < 30; i++) {
            expected[i] = i < 5 ? 1.0 / 30 + i * (1 - 1.0 / 30) / 4 : 1;
        }
        assertArrayEquals(expected, w, 1e-15);
        assertArrayEquals(new double[] {1, 1, 1}, ForgettingWeights.of(3, 25));
    }
}
