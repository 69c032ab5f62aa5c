package io.hypercast.ui.results;

import io.hypercast.engine.HpoResult;
import io.hypercast.engine.export.CsvExport;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.FoldResult;
import io.hypercast.model.LogUniform;
import io.hypercast.model.Num;
import io.hypercast.model.ParamValues;
import io.hypercast.model.Prediction;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.Trial;
import io.hypercast.model.Uniform;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Formats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A result page: one trial of an HPO (the best by default) or a backtest's one trial. The three
 * accuracy metrics, per-fold metrics, predictions against actuals, the optimized parameters with
 * their search ranges and the non-optimized ones against the model's defaults; CSV export.
 */
public final class ResultViewModel {
    private final AppContext app;
    private final ObjectProperty<Data> data = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty empty = new SimpleStringProperty("");
    private final ObservableList<FoldResult> folds = FXCollections.observableArrayList();
    private final ObservableList<ParamLine> optimized = FXCollections.observableArrayList();
    private final ObservableList<ParamLine> nonOptimized = FXCollections.observableArrayList();

    /** Everything a result page shows, read in one background task. */
    public record Data(HpoResult result, Trial trial, boolean best, List<FoldResult> folds, List<Prediction> predictions,
                       Map<String, Object> defaults) {
    }

    /** A parameter line: name, value, and the search range (optimized) or the model default (not optimized). */
    public record ParamLine(String name, String value, String reference, boolean differs) {
    }

    public ResultViewModel(AppContext app) {
        this.app = app;
    }

    /** Loads the result of trial {@code number} (null: the best trial). */
    public void load(UUID experimentId, Integer number, Runnable then) {
        app.tasks().submit(() -> read(experimentId, number), d -> {
            show(d);
            if (then != null) {
                then.run();
            }
        }, t -> app.dialogs().error("Result", AppContext.message(t)));
    }

    private Data read(UUID id, Integer number) {
        var x = app.engine().experiments();
        HpoResult r = x.result(id);
        Trial chosen = number == null ? r.bestTrial() : r.trials().stream().filter(t -> t.number() == number).findFirst().orElse(null);
        ModelKind kind = ModelKinds.get(app.engine().nots().node(r.experiment().modelId()).type());
        if (chosen == null) {
            return new Data(r, null, false, List.of(), List.of(), kind.defaults());
        }
        boolean best = r.bestTrial() != null && r.bestTrial().number() == chosen.number();
        return new Data(r, chosen, best, x.folds(id, chosen.number()), x.predictions(id, chosen.number()), kind.defaults());
    }

    void show(Data d) {
        data.set(d);
        var e = d.result().experiment();
        boolean isHpo = e.hpo() != null;
        if (d.trial() == null) {
            heading.set(e.title());
            empty.set("No completed trial yet" + (e.error() == null ? "." : ": " + e.error()));
            folds.clear();
            optimized.clear();
            nonOptimized.clear();
            return;
        }
        empty.set("");
        heading.set(isHpo ? "Trial " + d.trial().number() + (d.best() ? " (best)" : "") + " of " + e.title() : e.title());
        folds.setAll(d.folds());
        optimized.setAll(d.result().optimized().stream().map(name -> new ParamLine(name,
                Formats.value(d.trial().parameters().get(name)), range(e.hpo().searchSpace().parameters().get(name)), false)).toList());
        nonOptimized.setAll(d.result().nonOptimized().entrySet().stream().map(en -> {
            Object dflt = d.defaults().get(en.getKey());
            return new ParamLine(en.getKey(), Formats.value(en.getValue()), Formats.value(dflt), !ParamValues.same(en.getValue(), dflt));
        }).toList());
    }

    /** A distribution in words: "LogUniform [0.005, 0.2]", "QUniform [1, 12] step 1", "Choice {a, b}". */
    public static String range(Distribution d) {
        if (d instanceof Uniform u) {
            return "Uniform [" + Num.format(u.lower()) + ", " + Num.format(u.upper()) + "]";
        }
        if (d instanceof QUniform u) {
            return "QUniform [" + Num.format(u.lower()) + ", " + Num.format(u.upper()) + "] step " + Num.format(u.q());
        }
        if (d instanceof LogUniform u) {
            return "LogUniform [" + Num.format(u.lower()) + ", " + Num.format(u.upper()) + "]";
        }
        if (d instanceof QLogUniform u) {
            return "QLogUniform [" + Num.format(u.lower()) + ", " + Num.format(u.upper()) + "] step " + Num.format(u.q());
        }
        if (d instanceof Choice c) {
            return "Choice {" + c.choices().stream().map(Formats::value).collect(Collectors.joining(", ")) + "}";
        }
        if (d instanceof Constant c) {
            return "Constant " + Formats.value(c.value());
        }
        return d == null ? "" : d.type();
    }

    /** Writes every trial (the same file as `hypercast hpo result --trials-csv`), off the FX thread. */
    public void exportTrials() {
        Data d = data.get();
        if (d == null) {
            return;
        }
        app.dialogs().saveFile("Export trials", fileName(d, "trials"), "csv").ifPresent(path ->
                write(path, () -> CsvExport.writeTrials(path, d.result().trials(), d.result().optimized()), d.result().trials().size() + " trials"));
    }

    /** Writes the shown trial's predictions (time, reference_time, target, prediction), off the FX thread. */
    public void exportPredictions() {
        Data d = data.get();
        if (d == null || d.trial() == null) {
            return;
        }
        app.dialogs().saveFile("Export predictions", fileName(d, "predictions-trial-" + d.trial().number()), "csv").ifPresent(path ->
                write(path, () -> CsvExport.writePredictions(path, d.predictions()), d.predictions().size() + " predictions"));
    }

    private interface Write {
        void run() throws Exception;
    }

    private void write(Path path, Write w, String what) {
        app.tasks().submit(() -> {
            w.run();
            return path;
        }, p -> app.dialogs().notify("Exported", what + " written to " + p), t -> app.dialogs().error("Export failed", AppContext.message(t)));
    }

    private static String fileName(Data d, String what) {
        String t = d.result().experiment().title().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", "");
        return (t.isEmpty() ? "hpo" : t) + "-" + what + ".csv";
    }

    public ObjectProperty<Data> dataProperty() {
        return data;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty emptyProperty() {
        return empty;
    }

    public ObservableList<FoldResult> folds() {
        return folds;
    }

    public ObservableList<ParamLine> optimized() {
        return optimized;
    }

    public ObservableList<ParamLine> nonOptimized() {
        return nonOptimized;
    }
}
