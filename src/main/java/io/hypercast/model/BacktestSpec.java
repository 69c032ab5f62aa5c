package io.hypercast.model;

import java.time.Duration;
import java.time.Instant;

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
        within("test_start_time", testStartTime);
        within("test_end_time", testEndTime);
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
        // the windows reach from test_start + fit_start (or predict_start) to test_end + predict_end
        reach("fit_start_timing", fitStartTiming, testStartTime, "test_start_time");
        reach("predict_start_timing", predictStartTiming, testStartTime, "test_start_time");
        reach("predict_end_timing", predictEndTiming, testEndTime, "test_end_time");
        if (predictReferenceTiming instanceof RelativeTiming) {
            throw new InvalidInputException("predict_reference_timing", "must be a cron or absolute timing");
        }
        if (fitReferenceTiming instanceof RelativeTiming) {
            throw new InvalidInputException("fit_reference_timing", "must be a cron or absolute timing");
        }
        description = description == null ? "" : description;
    }

    /** The years a backtest's instants may lie in: calendar and cron arithmetic beyond them overflows. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static void within(String key, Instant t) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidInputException(key, "must lie in the years 1 to 9999, got " + t);
        }
    }

    /** {@code base + timing} must lie in the years 1 to 9999 too; checked without overflowing a huge duration. */
    private static void reach(String key, RelativeTiming timing, Instant base, String baseKey) {
        Duration d = timing.offset();
        if (d.compareTo(Duration.between(base, EARLIEST)) < 0 || d.compareTo(Duration.between(base, LATEST)) > 0) {
            throw new InvalidInputException(key, timing.offset() + " from " + baseKey + " (" + base + ") leaves the years 1 to 9999");
        }
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
}
