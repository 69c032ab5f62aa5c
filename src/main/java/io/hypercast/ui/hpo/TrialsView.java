package io.hypercast.ui.hpo;

import io.hypercast.model.Metrics;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.ui.common.Cells;
import io.hypercast.ui.common.Formats;
import io.hypercast.ui.common.Navigator;
import io.hypercast.ui.hpo.TrialsViewModel.TrialRow;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The run's progress (bar, "12 / 30", best so far, cancel) and the live trials table. */
public final class TrialsView {
    private final TrialsViewModel vm;
    private final Navigator nav;
    private final VBox root = new VBox(10);
    private final TableView<TrialRow> table = new TableView<>();

    public TrialsView(TrialsViewModel vm, Navigator nav) {
        this.vm = vm;
        this.nav = nav;
        createView();
    }

    private void createView() {
        root.setPadding(new Insets(4));
        ProgressBar bar = new ProgressBar(0);
        bar.setId("runProgress");
        bar.setPrefWidth(320);
        bar.getStyleClass().add("trial-progress");
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.plannedProperty().get() == 0 ? 0
                : (double) vm.completedProperty().get() / vm.plannedProperty().get(), vm.completedProperty(), vm.plannedProperty()));
        Label text = new Label();
        text.setId("runProgressText");
        text.getStyleClass().add("progress-text");
        text.textProperty().bind(vm.progressTextProperty());
        StackPane progress = new StackPane(bar, text);
        Label state = new Label();
        state.setId("runState");
        state.getStyleClass().add("state-chip");
        vm.stateProperty().addListener((o, a, s) -> style(state, s));
        style(state, vm.stateProperty().get());
        Label best = new Label();
        best.setId("runBest");
        best.getStyleClass().add("best-so-far");
        best.textProperty().bind(Bindings.createStringBinding(() -> "best so far: " + Formats.metric(vm.bestProperty().get()),
                vm.bestProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button cancel = new Button("Cancel run");
        cancel.setId("cancelRun");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get() == null
                || !vm.stateProperty().get().isActive(), vm.stateProperty()));
        HBox top = new HBox(12, state, progress, best, grow, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add("field-message");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label cluster = new Label();
        cluster.setId("clusterMembers");
        cluster.getStyleClass().add("hint");
        cluster.setWrapText(true);
        cluster.textProperty().bind(vm.clusterProperty());
        cluster.visibleProperty().bind(vm.clusterProperty().isNotEmpty());
        cluster.managedProperty().bind(cluster.visibleProperty());
        Label notice = new Label();
        notice.setId("clusterNotice");
        notice.getStyleClass().add("field-message");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        table.setId("trialsTable");
        table.setItems(vm.rows());
        // rows of one height (app.css: .table-row-cell -fx-cell-size 30): the table need not measure
        // each new row as trials arrive, which is most of its layout cost during a run
        table.setFixedCellSize(30);
        table.setPlaceholder(new Label("No trials yet."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(tv -> {
            TableRow<TrialRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().trialProperty().get().state() == TrialState.COMPLETED) {
                    nav.showTrial(vm.experimentId(), row.getItem().number());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label("Double-click a completed trial to open its result.");
        hint.getStyleClass().add("hint");
        vm.parameters().addListener((ListChangeListener<String>) c -> columns());
        columns();
        root.getChildren().addAll(top, error, cluster, notice, table, hint);
    }

    private static void style(Label chip, io.hypercast.model.HpoState s) {
        if (s == null) {
            chip.setText("");
            return;
        }
        Label c = Cells.chip(s);
        chip.setText(c.getText());
        chip.getStyleClass().setAll(c.getStyleClass());
    }

    private void columns() {
        table.getColumns().clear();
        TableColumn<TrialRow, Integer> number = Cells.numberColumn("#", 50, r -> Bindings.createObjectBinding(r::number), String::valueOf);
        number.setSortType(TableColumn.SortType.ASCENDING);
        table.getColumns().add(number);
        table.getColumns().add(Cells.stateColumn("State", 110, r -> Bindings.createObjectBinding(() -> r.trialProperty().get().state(),
                r.trialProperty())));
        for (String p : vm.parameters()) {
            table.getColumns().add(Cells.numberColumn(p, Math.max(90, p.length() * 8 + 20), r -> Bindings.createObjectBinding(
                    () -> r.trialProperty().get().parameters() == null ? null : r.trialProperty().get().parameters().get(p), r.trialProperty()),
                    v -> v == null ? "" : Formats.value(v)));
        }
        table.getColumns().add(metric("MAE", Metrics::mae, false));
        table.getColumns().add(metric("MAPE", Metrics::mape, true));
        table.getColumns().add(metric("RMSE", Metrics::rmse, false));
        table.getColumns().add(metric("MSE", Metrics::mse, false));
        table.getColumns().add(Cells.numberColumn("Duration", 85, r -> Bindings.createObjectBinding(() -> r.trialProperty().get().seconds(),
                r.trialProperty()), Formats::seconds));
        table.getColumns().add(Cells.textColumn("Worker", 130, r -> Bindings.createObjectBinding(() -> r.trialProperty().get().worker(),
                r.trialProperty()), s -> s == null ? "" : s));
        table.getColumns().add(Cells.textColumn("Error", 320, r -> Bindings.createObjectBinding(() -> r.trialProperty().get().error(),
                r.trialProperty()), s -> s));
    }

    private TableColumn<TrialRow, Double> metric(String name, Function<Metrics, Double> get, boolean percent) {
        return Cells.numberColumn(name, 95, r -> Bindings.createObjectBinding(() -> {
            Trial t = r.trialProperty().get();
            return t.metrics() == null ? null : get.apply(t.metrics());
        }, r.trialProperty()), v -> v == null ? "" : percent ? Formats.percent(v) : Formats.metric(v));
    }

    /**
     * Gives the table its skin, styles and a screenful of row cells while the page opens, so that the
     * trials arriving after Run reuse cells instead of creating them (the cost of a new row's cells,
     * about 10 ms each on a busy machine, would otherwise land on the FX thread as the run starts).
     */
    public void prepare() {
        root.applyCss();
        root.layout();
        javafx.collections.ObservableList<TrialRow> warm = javafx.collections.FXCollections.observableArrayList();
        for (int n = 1; n <= 60; n++) {
            warm.add(new TrialRow(new Trial(null, n, TrialState.QUEUED, java.util.Map.of(), null, null, null, null, null, 0)));
        }
        table.setItems(warm);
        table.applyCss();
        table.layout();
        table.setItems(vm.rows());
        table.layout();
    }

    public VBox root() {
        return root;
    }
}
