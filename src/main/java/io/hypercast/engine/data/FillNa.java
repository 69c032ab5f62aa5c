package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;

/**
 * FillNA: fills missing values, keeping each filled value unknown until everything it was made from
 * is known, so that a backtest stays leakage-free.
 * <ul>
 * <li>CONSTANT: the constant, known when the slot itself is (its own knownFrom).</li>
 * <li>FORWARD: the last valid value before the slot, known from max(own knownFrom, source knownFrom).
 *     Missing values before the first valid one stay missing.</li>
 * <li>LINEAR: on the straight line between the valid values either side, known from max(own knownFrom,
 *     previous and next valid knownFrom): it needs the later point. With availability that grows with
 *     time (observed data) this is max(own, next). Missing values before the first or after the last
 *     valid value stay missing.</li>
 * </ul>
 * Present values are left as they are, with their knownFrom.
 */
public final class FillNa {
    /** Where a bad constant is reported. */
    public static final String WHERE = "constant";

    private FillNa() {
    }

    public static Series apply(Series s, FillMethod method, double constant) {
        double[] v = s.values();
        long[] kf = s.knownFroms();
        switch (method) {
            case CONSTANT -> {
                if (!Double.isFinite(constant)) {
                    throw new InvalidInputException(WHERE, "the fill constant must be a finite number, got " + constant);
                }
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = constant;
                    }
                }
            }
            case FORWARD -> {
                int source = -1;
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isNaN(v[i])) {
                        source = i;
                    } else if (source >= 0) {
                        v[i] = v[source];
                        kf[i] = Math.max(kf[i], kf[source]);
                    }
                }
            }
            case LINEAR -> {
                int prev = -1;
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        continue;
                    }
                    if (prev >= 0 && i - prev > 1) {
                        long known = Math.max(kf[prev], kf[i]);
                        for (int j = prev + 1; j < i; j++) {
                            double w = (double) (j - prev) / (i - prev);
                            v[j] = v[prev] + (v[i] - v[prev]) * w;
                            kf[j] = Math.max(kf[j], known);
                        }
                    }
                    prev = i;
                }
            }
        }
        return Series.wrap(s.start(), s.periodSeconds(), v, kf);
    }
}
