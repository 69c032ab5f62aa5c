package io.hypercast.engine.backtest;

import io.hypercast.engine.timing.Schedules;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.model.Timing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The folds of a backtest (SPEC section 3): one per fit reference time in [test_start, test_end),
 * each serving the predict reference times from its fit up to the next fit.
 */
public record FoldPlan(List<Fold> folds) {
    public static final int MAX_FOLDS = 52;
    public static final int MAX_PREDICTIONS_PER_FOLD = 10_000;

    /** A fold: the model is fit at {@code fitTime} and issues predictions at each of {@code predictTimes}. */
    public record Fold(int index, Instant fitTime, List<Instant> predictTimes) {
    }

    /**
     * The folds of a backtest. No more reference times are listed than the limits allow (53 fits,
     * 10,001 predict times per fold), so a minutely cron over a test period of centuries is refused
     * at once instead of listing millions of instants; an invalid cron is reported under its
     * timing's key ({@code predict_reference_timing.cron_expression}).
     */
    public static FoldPlan of(BacktestSpec spec) {
        Instant start = spec.testStartTime();
        Instant end = spec.testEndTime();
        List<Instant> fits = firings("fit_reference_timing", spec.fitReferenceTiming(), start, end, MAX_FOLDS + 1);
        if (fits.isEmpty()) {
            throw new InvalidInputException("fit_reference_timing", "no fit reference time falls in the test period [" + start + ", " + end + ")");
        }
        if (fits.size() > MAX_FOLDS) {
            throw new LimitExceededException("folds per backtest", MAX_FOLDS,
                    "fit_reference_timing gives more than " + MAX_FOLDS + " fits in the test period; refit less often or shorten the test period");
        }
        List<Instant> uncovered = firings("predict_reference_timing", spec.predictReferenceTiming(), start, fits.get(0), 1);
        if (!uncovered.isEmpty()) {
            throw new InvalidInputException("fit_reference_timing", "the predict reference time " + uncovered.get(0)
                    + " comes before the first fit reference time " + fits.get(0)
                    + ", so no fitted model covers it; make a fit reference time equal test_start_time or start the test period at the first fit");
        }
        // fold i serves the predict reference times from its fit up to the next fit (the last one up to test_end)
        List<Fold> folds = new ArrayList<>();
        int predicts = 0;
        for (int i = 0; i < fits.size(); i++) {
            Instant until = i + 1 < fits.size() ? fits.get(i + 1) : end;
            List<Instant> times = firings("predict_reference_timing", spec.predictReferenceTiming(), fits.get(i), until, MAX_PREDICTIONS_PER_FOLD + 1);
            if (times.size() > MAX_PREDICTIONS_PER_FOLD) {
                // each predict reference time makes at least one prediction
                throw new LimitExceededException("predictions per fold", MAX_PREDICTIONS_PER_FOLD, "fold " + i + " (fit at " + fits.get(i)
                        + ") has more than " + MAX_PREDICTIONS_PER_FOLD + " predict reference times; predict less often, refit more often or shorten the test period");
            }
            predicts += times.size();
            folds.add(new Fold(i, fits.get(i), List.copyOf(times)));
        }
        if (predicts == 0) {
            throw new InvalidInputException("predict_reference_timing", "no predict reference time falls in the test period [" + start + ", " + end + ")");
        }
        return new FoldPlan(List.copyOf(folds));
    }

    private static List<Instant> firings(String key, Timing timing, Instant from, Instant until, int limit) {
        try {
            return Schedules.firings(timing, from, until, limit);
        } catch (InvalidInputException e) {
            throw e.within(key);
        }
    }

    /** Refuses a plan whose folds would exceed the per-fold prediction limit for a target of this period. */
    public void checkPredictionLimit(BacktestSpec spec, long periodSeconds) {
        long perRef = Math.max(1, spec.predictEndTiming().offset().minus(spec.predictStartTiming().offset()).getSeconds() / periodSeconds);
        for (Fold fold : folds) {
            long n = perRef * fold.predictTimes().size();
            if (n > MAX_PREDICTIONS_PER_FOLD) {
                throw new LimitExceededException("predictions per fold", MAX_PREDICTIONS_PER_FOLD, "fold " + fold.index() + " (fit at "
                        + fold.fitTime() + ") would make " + n + " predictions; predict less often, refit more often or shorten the horizon");
            }
        }
    }
}
