package io.hypercast.ui.results;

import io.hypercast.model.FoldResult;
import io.hypercast.model.Metrics;
import io.hypercast.ui.charts.ResultCharts;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Cells;
import io.hypercast.ui.common.Formats;
import io.hypercast.ui.results.ResultViewModel.ParamLine;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * A trial's result page: MAE, MAPE and RMSE big and clear, per-fold metrics, predictions against
 * actuals (zoomable), the optimized parameters with their ranges and the non-optimized ones against
 * the model's defaults, and CSV export.
 */
public final class ResultView {
    private final ResultViewModel vm;
    private final AppContext app;
    private final VBox content = new VBox(16);
    private final ScrollPane root = new ScrollPane(content);
    private final StackPane chartBox = new StackPane();
    private final Label mae = big("maeValue");
    private final Label mape = big("mapeValue");
    private final Label rmse = big("rmseValue");
    private final Label mapeNote = new Label();
    private java.util.function.IntConsumer onCopy = n -> { };

    public ResultView(ResultViewModel vm, AppContext app) {
        this.vm = vm;
        this.app = app;
        createView();
        vm.dataProperty().addListener((o, a, d) -> show(d));
    }

    private static Label big(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("metric-value");
        return l;
    }

    private void createView() {
        content.setPadding(new Insets(4, 4, 24, 4));
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
        Label heading = new Label();
        heading.setId("resultHeading");
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(vm.headingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button trials = new Button("Export trials CSV…");
        trials.setId("exportTrials");
        trials.setOnAction(e -> vm.exportTrials());
        trials.disableProperty().bind(vm.dataProperty().isNull());
        Button predictions = new Button("Export predictions CSV…");
        predictions.setId("exportPredictions");
        predictions.setOnAction(e -> vm.exportPredictions());
        predictions.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.dataProperty().get() == null
                || vm.dataProperty().get().trial() == null, vm.dataProperty()));
        Button copy = new Button("Copy project with these parameters…");
        copy.setId("copyWithParams");
        copy.setOnAction(e -> {
            ResultViewModel.Data d = vm.dataProperty().get();
            if (d != null && d.trial() != null) {
                onCopy.accept(d.trial().number());
            }
        });
        copy.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.dataProperty().get() != null
                && vm.dataProperty().get().trial() != null && vm.dataProperty().get().result().experiment().hpo() != null, vm.dataProperty()));
        copy.managedProperty().bind(copy.visibleProperty());
        HBox top = new HBox(8, heading, grow, copy, trials, predictions);
        top.setAlignment(Pos.CENTER_LEFT);
        Label empty = new Label();
        empty.getStyleClass().add("note");
        empty.textProperty().bind(vm.emptyProperty());
        empty.visibleProperty().bind(vm.emptyProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());

        mapeNote.getStyleClass().add("hint");
        HBox metrics = new HBox(14, card("MAE", mae, null), card("MAPE", mape, mapeNote), card("RMSE", rmse, null));
        metrics.setId("metricCards");

        TableView<FoldResult> folds = new TableView<>(vm.folds());
        folds.setId("foldTable");
        folds.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        folds.setPlaceholder(new Label("No folds."));
        folds.getColumns().add(Cells.numberColumn("Fold", 60, f -> new ReadOnlyObjectWrapper<>(f.fold() + 1), String::valueOf));
        folds.getColumns().add(Cells.textColumn("Fit reference time", 220, f -> new ReadOnlyObjectWrapper<>(f.fitReferenceTime()),
                t -> Formats.firing(t, zone())));
        folds.getColumns().add(Cells.numberColumn("Training rows", 110, f -> new ReadOnlyObjectWrapper<>(f.fitRows()), String::valueOf));
        folds.getColumns().add(Cells.numberColumn("Predictions", 100, f -> new ReadOnlyObjectWrapper<>(f.predictions()), String::valueOf));
        folds.getColumns().add(foldMetric("MAE", Metrics::mae, false));
        folds.getColumns().add(foldMetric("MAPE", Metrics::mape, true));
        folds.getColumns().add(foldMetric("RMSE", Metrics::rmse, false));
        folds.setFixedCellSize(28);
        folds.prefHeightProperty().bind(Bindings.size(vm.folds()).multiply(28).add(34));
        folds.setMinHeight(90);

        chartBox.setPrefHeight(380);
        chartBox.setMinHeight(300);

        VBox optimized = section("Optimized parameters", "The values of this trial, with the search range each was drawn from.",
                params("optimizedTable", vm.optimized(), "Value", "Search range"));
        optimized.setId("optimizedSection");
        optimized.visibleProperty().bind(Bindings.isNotEmpty(vm.optimized()));
        optimized.managedProperty().bind(optimized.visibleProperty());
        VBox non = section("Non-optimized parameters", "Every trial used these values; highlighted where they differ from the model's default.",
                params("nonOptimizedTable", vm.nonOptimized(), "Value", "Model default"));
        non.setId("nonOptimizedSection");

        content.getChildren().addAll(top, empty, metrics, section("Per-fold metrics", null, folds),
                section("Predictions against actuals", "One colour per fold; drag a rectangle to zoom, drag leftwards to reset.", chartBox),
                optimized, non);
    }

    private VBox card(String name, Label value, Label note) {
        Label n = new Label(name);
        n.getStyleClass().add("metric-name");
        VBox box = new VBox(2, n, value);
        if (note != null) {
            box.getChildren().add(note);
        }
        box.getStyleClass().add("metric-card");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private VBox section(String title, String hint, javafx.scene.Node body) {
        Label h = new Label(title);
        h.getStyleClass().add("section-title");
        VBox box = new VBox(8, h);
        if (hint != null) {
            Label l = new Label(hint);
            l.getStyleClass().add("hint");
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        box.getChildren().add(body);
        box.getStyleClass().add("card");
        return box;
    }

    private TableView<ParamLine> params(String id, javafx.collections.ObservableList<ParamLine> items, String valueTitle, String refTitle) {
        TableView<ParamLine> t = new TableView<>(items);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(Cells.column("Parameter", 200, p -> new ReadOnlyStringWrapper(p.name())));
        TableColumn<ParamLine, String> v = Cells.column(valueTitle, 160, p -> new ReadOnlyStringWrapper(p.value()));
        v.getStyleClass().add("value-column");
        t.getColumns().add(v);
        t.getColumns().add(Cells.column(refTitle, 260, p -> new ReadOnlyStringWrapper(p.reference())));
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(ParamLine p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().remove("differs");
                if (!empty && p != null && p.differs()) {
                    getStyleClass().add("differs");
                }
            }
        });
        t.setFixedCellSize(28);
        t.prefHeightProperty().bind(Bindings.size(items).multiply(28).add(34));
        t.setMinHeight(90);
        return t;
    }

    private TableColumn<FoldResult, Double> foldMetric(String name, Function<Metrics, Double> get, boolean percent) {
        return Cells.numberColumn(name, 95, f -> new ReadOnlyObjectWrapper<>(f.metrics() == null ? null : get.apply(f.metrics())),
                v -> v == null ? "—" : percent ? Formats.percent(v) : Formats.metric(v));
    }

    /** Times are shown in the zone of the experiment's fit schedule (its data's zone), else the window's. */
    private java.time.ZoneId zone() {
        ResultViewModel.Data d = vm.dataProperty().get();
        if (d != null && d.result().experiment().backtest().fitReferenceTiming() instanceof io.hypercast.model.CronTiming c) {
            return c.timeZone();
        }
        return app.displayZone();
    }

    private void show(ResultViewModel.Data d) {
        if (d == null || d.trial() == null || d.trial().metrics() == null) {
            mae.setText("—");
            mape.setText("—");
            rmse.setText("—");
            mapeNote.setText("");
            shown++; // a chart still to come for an earlier trial is dropped
            chartBox.getChildren().clear();
            return;
        }
        Metrics m = d.trial().metrics();
        mae.setText(Formats.metric(m.mae()));
        mape.setText(Formats.percent(m.mape()));
        rmse.setText(Formats.metric(m.rmse()));
        mapeNote.setText(m.mape() == null ? "undefined: every actual was zero"
                : m.mapeZeroActuals() > 0 ? m.mapeZeroActuals() + " rows with a zero actual left out" : "over " + m.rows() + " predictions");
        // the chart on the next turn: the metrics and tables show at once, and the FX thread does not
        // build, lay out and draw everything in one long pulse as a run ends
        long shownNow = ++shown;
        javafx.application.Platform.runLater(() -> {
            if (shownNow == shown) {
                ChartViewer viewer = new ChartViewer(ResultCharts.predictions(d.predictions(), d.folds(), zone()));
                viewer.setId("predictionsChart");
                chartBox.getChildren().setAll(viewer);
            }
        });
    }

    private long shown;

    /** What "Copy project with these parameters" does with the shown trial's number. */
    public void setOnCopy(java.util.function.IntConsumer onCopy) {
        this.onCopy = onCopy;
    }

    public ScrollPane root() {
        return root;
    }
}
