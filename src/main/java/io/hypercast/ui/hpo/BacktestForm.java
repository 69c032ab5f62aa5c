package io.hypercast.ui.hpo;

import io.hypercast.engine.backtest.FoldPlan;
import io.hypercast.engine.timing.CronSchedule;
import io.hypercast.model.AbsoluteTiming;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.CronTiming;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.Timing;
import io.hypercast.ui.common.Formats;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The backtest part of the detail form (an HPO has it too): title, description, model, test
 * period, fit and predict reference timings (cron + zone) and windows (durations). Validation uses
 * the engine's own rules: the BacktestSpec constructor, CronSchedule.parse and FoldPlan.
 */
public final class BacktestForm {
    final StringProperty title = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final StringProperty model = new SimpleStringProperty();
    final ObjectProperty<LocalDate> testStartDate = new SimpleObjectProperty<>();
    final StringProperty testStartTime = new SimpleStringProperty("00:00");
    final ObjectProperty<LocalDate> testEndDate = new SimpleObjectProperty<>();
    final StringProperty testEndTime = new SimpleStringProperty("00:00");
    final StringProperty testZone = new SimpleStringProperty("UTC");
    final StringProperty fitCron = new SimpleStringProperty("0 0 * * 1");
    final StringProperty fitZone = new SimpleStringProperty("UTC");
    final StringProperty predictCron = new SimpleStringProperty("0 0 * * *");
    final StringProperty predictZone = new SimpleStringProperty("UTC");
    final StringProperty fitStart = new SimpleStringProperty("-P42D");
    final StringProperty fitEnd = new SimpleStringProperty("PT0S");
    final StringProperty predictStart = new SimpleStringProperty("PT0S");
    final StringProperty predictEnd = new SimpleStringProperty("PT24H");
    final StringProperty fitPreview = new SimpleStringProperty("");
    final StringProperty predictPreview = new SimpleStringProperty("");

    Observable[] observables() {
        return new Observable[] {title, description, model, testStartDate, testStartTime, testEndDate, testEndTime, testZone, fitCron,
            fitZone, predictCron, predictZone, fitStart, fitEnd, predictStart, predictEnd};
    }

    /** Fills the fields from a stored definition, showing times in the fit schedule's zone. */
    void load(BacktestSpec s, String modelName) {
        title.set(s.title());
        description.set(s.description());
        model.set(modelName);
        ZoneId zone = s.fitReferenceTiming() instanceof CronTiming c ? c.timeZone() : ZoneOffset.UTC;
        testZone.set(zone.getId());
        ZonedDateTime start = s.testStartTime().atZone(zone);
        ZonedDateTime end = s.testEndTime().atZone(zone);
        testStartDate.set(start.toLocalDate());
        testStartTime.set(start.toLocalTime().toString());
        testEndDate.set(end.toLocalDate());
        testEndTime.set(end.toLocalTime().toString());
        loadTiming(s.fitReferenceTiming(), fitCron, fitZone);
        loadTiming(s.predictReferenceTiming(), predictCron, predictZone);
        fitStart.set(iso(s.fitStartTiming().offset()));
        fitEnd.set(iso(s.fitEndTiming().offset()));
        predictStart.set(iso(s.predictStartTiming().offset()));
        predictEnd.set(iso(s.predictEndTiming().offset()));
    }

    /** A duration as the spec file writes it: -P42D rather than Java's PT-1008H. */
    static String iso(java.time.Duration d) {
        long days = d.toDays();
        if (Math.abs(days) >= 2 && d.equals(java.time.Duration.ofDays(days))) { // PT24H stays as the spec writes it
            return (days < 0 ? "-P" : "P") + Math.abs(days) + "D";
        }
        return d.toString();
    }

    private static void loadTiming(Timing t, StringProperty cron, StringProperty zone) {
        if (t instanceof CronTiming c) {
            cron.set(c.expression());
            zone.set(c.timeZone().getId());
        } else if (t instanceof AbsoluteTiming a) {
            // the form edits cron timings; an absolute one is shown as the cron that fires at that minute once a year
            ZonedDateTime z = a.time().atZone(ZoneOffset.UTC);
            cron.set(z.getMinute() + " " + z.getHour() + " " + z.getDayOfMonth() + " " + z.getMonthValue() + " *");
            zone.set("UTC");
        }
    }

    /** Checks every field, fills the previews, and returns the spec when all is well (else null). */
    BacktestSpec validate(Problems p) {
        if (title.get() == null || title.get().isBlank()) {
            p.error("title", "a title is required");
        }
        if (model.get() == null || model.get().isBlank()) {
            p.error("model", "choose the model to backtest");
        }
        ZoneId zone = zone(testZone.get(), "test_zone", p);
        Instant start = zone == null ? null : instant(testStartDate.get(), testStartTime.get(), zone, "test_start_time", p);
        Instant end = zone == null ? null : instant(testEndDate.get(), testEndTime.get(), zone, "test_end_time", p);
        CronTiming fit = cron(fitCron.get(), fitZone.get(), "fit_reference_timing", p);
        CronTiming predict = cron(predictCron.get(), predictZone.get(), "predict_reference_timing", p);
        RelativeTiming fs = duration(fitStart.get(), "fit_start_timing", p);
        RelativeTiming fe = duration(fitEnd.get(), "fit_end_timing", p);
        RelativeTiming ps = duration(predictStart.get(), "predict_start_timing", p);
        RelativeTiming pe = duration(predictEnd.get(), "predict_end_timing", p);
        fitPreview.set(preview(fit, start, end, "fit"));
        predictPreview.set(preview(predict, start, end, "forecast"));
        if (!p.errors.isEmpty()) {
            return null;
        }
        BacktestSpec spec;
        try {
            spec = new BacktestSpec(title.get().strip(), description.get(), model.get(), start, end, fs, fe, fit, ps, pe, predict);
        } catch (InvalidInputException e) {
            p.error(e.where(), Problems.bare(e));
            return null;
        }
        try {
            FoldPlan.of(spec); // the engine's test-period rules: folds limit, first uncovered reference time
        } catch (InvalidInputException e) {
            p.error(e.where().isEmpty() ? "general" : e.where(), Problems.bare(e));
            return null;
        } catch (LimitExceededException e) {
            p.error("fit_reference_timing", e.getMessage()); // the folds limit: refit less often or shorten the period
            return null;
        }
        return spec;
    }

    private static ZoneId zone(String text, String field, Problems p) {
        try {
            return ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            p.error(field, "'" + text + "' is not a time zone (e.g. UTC, Europe/London, +01:00)");
            return null;
        }
    }

    private static Instant instant(LocalDate date, String time, ZoneId zone, String field, Problems p) {
        if (date == null) {
            p.error(field, "choose a date");
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(time == null ? "" : time.strip());
            return ZonedDateTime.of(date, t, zone).toInstant();
        } catch (DateTimeParseException e) {
            p.error(field, "'" + time + "' is not a time of day such as 00:00 or 17:30");
            return null;
        }
    }

    private static CronTiming cron(String expr, String zoneText, String field, Problems p) {
        ZoneId zone = zone(zoneText, field, p);
        if (zone == null) {
            return null;
        }
        try {
            CronSchedule.parse(expr, zone);
            return new CronTiming(expr.strip(), zone);
        } catch (InvalidInputException e) {
            p.error(field, Problems.bare(e));
            return null;
        }
    }

    private static RelativeTiming duration(String text, String field, Problems p) {
        try {
            return RelativeTiming.parse(text == null ? "" : text);
        } catch (InvalidInputException e) {
            p.error(field, Problems.bare(e));
            return null;
        }
    }

    /** "4 fits in the test period: Mon 2000-07-31 00:00 +01:00, …", or the next firings from now. */
    private static String preview(CronTiming cron, Instant start, Instant end, String noun) {
        if (cron == null) {
            return "";
        }
        CronSchedule s = CronSchedule.parse(cron.expression(), cron.timeZone());
        if (start != null && end != null && start.isBefore(end)) {
            List<Instant> all = s.between(start, end, 10_001); // never list millions on the FX thread
            if (all.size() > 10_000) {
                return "more than 10,000 " + noun + "s in the test period";
            }
            String first = all.stream().limit(3).map(t -> Formats.firing(t, cron.timeZone())).collect(Collectors.joining(",  "));
            return all.size() + " " + noun + (all.size() == 1 ? "" : "s") + " in the test period" + (all.isEmpty() ? "" : ": " + first
                    + (all.size() > 3 ? ",  …" : ""));
        }
        List<Instant> next = new ArrayList<>();
        Instant t = Instant.now();
        for (int i = 0; i < 3 && t != null; i++) {
            t = s.next(t);
            if (t != null) {
                next.add(t);
            }
        }
        return "next: " + next.stream().map(x -> Formats.firing(x, cron.timeZone())).collect(Collectors.joining(",  "));
    }
}
