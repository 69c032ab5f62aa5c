package io.hypercast.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A backtest definition (SPEC section 3). {@code model} is a model's name or uuid within the
 * project. The reference timings are cron or absolute; the window timings are relative.
 */
public record BacktestSpec(
        String title,
        String description,
        String model,
        Instant testStartTime,
        Instant testEndTime,
        RelativeTiming fitStartTiming,
        RelativeTiming fitEndTiming,
        Timing fitReferenceTiming,
        RelativeTiming predictStartTiming,
        RelativeTiming predictEndTiming,
        Timing predictReferenceTiming) {

    public BacktestSpec {
        require("title", title);
        require("model", model);
        require("test_start_time", testStartTime);
        require("test_end_time", testEndTime);
        require("fit_start_timing", fitStartTiming);
        require("fit_end_timing", fitEndTiming);
        require("fit_reference_timing", fitReferenceTiming);
        require("predict_start_timing", predictStartTiming);
        require("predict_end_timing", predictEndTiming);
        require("predict_reference_timing", predictReferenceTiming);
        if (title.isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (!testStartTime.isBefore(testEndTime)) {
            throw new InvalidInputException("test_end_time", "must be after test_start_time (" + testStartTime + "), got " + testEndTime);
        }
        if (fitEndTiming.offset().isNegative() == false && !fitEndTiming.offset().isZero()) {
            throw new InvalidInputException("fit_end_timing", "must be <= 0 (a fit may use only data up to its reference time), got " + fitEndTiming);
        }
        if (fitStartTiming.offset().compareTo(fitEndTiming.offset()) >= 0) {
            throw new InvalidInputException("fit_start_timing", "must be before fit_end_timing (" + fitEndTiming + "), got " + fitStartTiming);
        }
        if (predictStartTiming.offset().compareTo(predictEndTiming.offset()) >= 0) {
            throw new InvalidInputException("predict_start_timing", "must be before predict_end_timing (" + predictEndTiming + "), got " + predictStartTiming);
        }
        if (predictReferenceTiming instanceof RelativeTiming) {
            throw new InvalidInputException("predict_reference_timing", "must be a cron or absolute timing");
        }
        if (fitReferenceTiming instanceof RelativeTiming) {
            throw new InvalidInputException("fit_reference_timing", "must be a cron or absolute timing");
        }
        description = description == null ? "" : description;
    }

    private static void require(String key, Object v) {
        if (v == null) {
            throw new InvalidInputException(key, "is required");
        }
    }

    public BacktestSpec withTitle(String newTitle) {
        return new BacktestSpec(newTitle, description, model, testStartTime, testEndTime, fitStartTiming, fitEndTiming,
                fitReferenceTiming, predictStartTiming, predictEndTiming, predictReferenceTiming);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestSpec b && Objects.equals(title, b.title) && Objects.equals(description, b.description)
                && Objects.equals(model, b.model) && Objects.equals(testStartTime, b.testStartTime)
                && Objects.equals(testEndTime, b.testEndTime) && Objects.equals(fitStartTiming, b.fitStartTiming)
                && Objects.equals(fitEndTiming, b.fitEndTiming) && Objects.equals(fitReferenceTiming, b.fitReferenceTiming)
                && Objects.equals(predictStartTiming, b.predictStartTiming) && Objects.equals(predictEndTiming, b.predictEndTiming)
                && Objects.equals(predictReferenceTiming, b.predictReferenceTiming);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, model, testStartTime, testEndTime);
    }
}
