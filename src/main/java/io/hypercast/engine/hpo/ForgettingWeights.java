package io.hypercast.engine.hpo;

import java.util.Arrays;

/**
 * hyperopt's linear forgetting: of N observations (oldest first) the newest LF weigh 1 and the
 * older ones ramp linearly from 1/N up to 1, so that early, exploratory trials fade out of the
 * estimators as the search goes on.
 */
final class ForgettingWeights {
    private ForgettingWeights() {
    }

    static double[] of(int n, int lf) {
        if (n < 0 || lf < 1) {
            throw new IllegalArgumentException("need n >= 0 and lf >= 1, got n=" + n + ", lf=" + lf);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        int ramp = n - lf;
        if (ramp <= 0) {
            return w;
        }
        double first = 1.0 / n;
        if (ramp == 1) {
            w[0] = first;
            return w;
        }
        // numpy's linspace(1/N, 1, N - LF): both ends included
        double step = (1.0 - first) / (ramp - 1);
        for (int i = 0; i < ramp; i++) {
            w[i] = first + i * step;
        }
        return w;
    }
}
