package io.hypercast.engine.backtest;

import io.hypercast.engine.timing.Schedules;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
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

    public static FoldPlan of(BacktestSpec spec) {
        Instant start = spec.testStartTime();
        Instant end = spec.testEndTime();
        List<Instant> fits = Schedules.firings(spec.fitReferenceTiming(), start, end);
        if (fits.isEmpty()) {
            throw new InvalidInputException("fit_reference_timing", "no fit reference time falls in the test period [" + start + ", " + end + ")");
        }
        if (fits.size() > MAX_FOLDS) {
            throw new LimitExceededException("folds per backtest", MAX_FOLDS,
                    "fit_reference_timing gives " + fits.size() + " fits in the test period; refit less often or shorten the test period");
        }
        List<Instant> predicts = Schedules.firings(spec.predictReferenceTiming(), start, end);
        if (predicts.isEmpty()) {
            throw new InvalidInputException("predict_reference_timing", "no predict reference time falls in the test period [" + start + ", " + end + ")");
        }
        if (predicts.get(0).isBefore(fits.get(0))) {
            throw new InvalidInputException("fit_reference_timing", "the predict reference time " + predicts.get(0)
                    + " comes before the first fit reference time " + fits.get(0)
                    + ", so no fitted model covers it; make a fit reference time equal test_start_time or start the test period at the first fit");
        }
        List<List<Instant>> byFold = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            byFold.add(new ArrayList<>());
        }
        int f = 0;
        for (Instant r : predicts) {
            while (f + 1 < fits.size() && !fits.get(f + 1).isAfter(r)) {
                f++;
            }
            byFold.get(f).add(r);
        }
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            folds.add(new Fold(i, fits.get(i), List.copyOf(byFold.get(i))));
        }
        return new FoldPlan(List.copyOf(folds));
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
