package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;

import java.time.Duration;

/**
 * TimeTransformations: shift a series by a lag, so that the value at t is the input's value at t - lag
 * (a positive lag looks back). Availability moves with the value: the lagged value at t is known from
 * the input's knownFrom at t - lag (SPEC section 2), so a lagged observation is known from
 * t - lag + period. A negative lag (a lead) is allowed: its values stay unknown until observed, which
 * keeps a backtest leakage-free.
 */
public final class Shift {
    /** Where a bad lag is reported. */
    public static final String WHERE = "lag";

    private Shift() {
    }

    /** The series moved forward in time by {@code lag}, which must be a whole multiple of the series' period. */
    public static Series apply(Series s, Duration lag) {
        if (lag.getNano() != 0 || lag.getSeconds() % s.periodSeconds() != 0) {
            throw new InvalidInputException(WHERE, "lag " + lag + " is not a whole multiple of the sample period "
                    + s.period() + "; a shift must move values onto the series' own grid");
        }
        // Same arrays, new start: value and knownFrom at t are those at t - lag, by construction.
        return s.withStart(Math.addExact(s.start(), lag.getSeconds()));
    }
}
