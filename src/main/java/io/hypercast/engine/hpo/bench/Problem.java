package io.hypercast.engine.hpo.bench;

import io.hypercast.model.Distribution;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;

/** Standard test functions for judging search quality, each with its search space and known optimum. */
public enum Problem {
    /** Branin-Hoo on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at three points. */
    BRANIN(0.397887) {
        @Override
        public SearchSpace space() {
            Map<String, Distribution> p = new LinkedHashMap<>();
            p.put("x1", new Uniform(-5, 10));
            p.put("x2", new Uniform(0, 15));
            return new SearchSpace(p);
        }

        @Override
        public double value(Map<String, Object> x) {
            double x1 = coordinate(x, "x1");
            double x2 = coordinate(x, "x2");
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double u = x2 - b * x1 * x1 + c * x1 - 6;
            return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
        }
    },
    /** Hartmann 6-D on [0, 1]^6; minimum -3.32237. */
    HARTMANN6(-3.32237) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14},
        };
        private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
            {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
            {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381},
        };

        @Override
        public SearchSpace space() {
            Map<String, Distribution> p = new LinkedHashMap<>();
            for (int j = 1; j <= 6; j++) {
                p.put("x" + j, new Uniform(0, 1));
            }
            return new SearchSpace(p);
        }

        @Override
        public double value(Map<String, Object> x) {
            double[] v = new double[6];
            for (int j = 0; j < 6; j++) {
                v[j] = coordinate(x, "x" + (j + 1));
            }
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = v[j] - P[i][j];
                    inner += A[i][j] * d * d;
                }
                sum += ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }
    };

    private final double optimum;

    Problem(double optimum) {
        this.optimum = optimum;
    }

    public double optimum() {
        return optimum;
    }

    public abstract SearchSpace space();

    /** The objective (to minimize) at a suggestion of {@link #space()}. */
    public abstract double value(Map<String, Object> x);

    private static double coordinate(Map<String, Object> x, String name) {
        return ((Number) x.get(name)).doubleValue();
    }
}
