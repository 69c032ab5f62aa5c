package io.hypercast.ui.experiments;

import io.hypercast.model.HpoState;
import io.hypercast.model.Metrics;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Cells;
import io.hypercast.ui.common.Formats;
import io.hypercast.ui.common.Navigator;
import java.time.Instant;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Experiment page: the Backtests table and beneath it the HPO table, a Create button at the top
 * right, and row actions (open, run, cancel, duplicate as draft, delete) in a toolbar per table, a
 * context menu and a double click to open.
 */
public final class ExperimentPageView {
    private final ExperimentPageViewModel vm;
    private final AppContext app;
    private final Navigator nav;
    private final VBox root = new VBox(14);
    private final Timeline poll;

    public ExperimentPageView(ExperimentPageViewModel vm, AppContext app, Navigator nav) {
        this.vm = vm;
        this.app = app;
        this.nav = nav;
        createView();
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> vm.tick()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void createView() {
        root.getStyleClass().add("page");
        root.setPadding(new Insets(18, 22, 18, 22));

        Label title = new Label();
        title.setId("experimentPageTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.projectProperty().get() == null ? ""
                : vm.projectProperty().get().title(), vm.projectProperty()));
        Label subtitle = new Label("Experiments");
        subtitle.getStyleClass().add("page-subtitle");
        VBox titles = new VBox(2, subtitle, title);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        MenuButton create = new MenuButton("Create");
        create.setId("createButton");
        create.getStyleClass().add("accent");
        MenuItem createBacktest = new MenuItem("Create Backtest");
        createBacktest.setId("createBacktest");
        createBacktest.setOnAction(e -> nav.createExperiment(vm.projectProperty().get().id(), false));
        MenuItem createHpo = new MenuItem("Create HPO");
        createHpo.setId("createHpo");
        createHpo.setOnAction(e -> nav.createExperiment(vm.projectProperty().get().id(), true));
        create.getItems().addAll(createBacktest, createHpo);
        create.disableProperty().bind(vm.projectProperty().isNull());
        HBox header = new HBox(12, titles, grow, create);
        header.setAlignment(Pos.CENTER_LEFT);

        Label frozen = new Label();
        frozen.getStyleClass().add("note");
        frozen.textProperty().bind(vm.frozenNoteProperty());
        frozen.visibleProperty().bind(vm.frozenNoteProperty().isNotEmpty());
        frozen.managedProperty().bind(frozen.visibleProperty());
        frozen.setWrapText(true);

        TableView<ExperimentRow> backtests = backtestTable();
        TableView<ExperimentRow> hpos = hpoTable();
        VBox btBox = section("Backtests", backtests, "backtests");
        VBox hpoBox = section("HPOs", hpos, "hpos");
        VBox.setVgrow(btBox, Priority.ALWAYS);
        VBox.setVgrow(hpoBox, Priority.ALWAYS);
        backtests.setPrefHeight(180);
        hpos.setPrefHeight(300);
        root.getChildren().addAll(header, frozen, btBox, hpoBox);
    }

    private VBox section(String heading, TableView<ExperimentRow> table, String id) {
        Label h = new Label(heading);
        h.getStyleClass().add("section-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button open = action("Open", id + "Open", () -> open(table.getSelectionModel().getSelectedItem()));
        Button run = action("Run", id + "Run", () -> vm.run(table.getSelectionModel().getSelectedItem()));
        Button cancel = action("Cancel run", id + "Cancel", () -> vm.cancel(table.getSelectionModel().getSelectedItem()));
        Button dup = action("Duplicate as draft", id + "Duplicate", () -> vm.duplicate(table.getSelectionModel().getSelectedItem()));
        Button del = action("Delete", id + "Delete", () -> vm.delete(table.getSelectionModel().getSelectedItem()));
        del.getStyleClass().add("danger");
        var sel = table.getSelectionModel().selectedItemProperty();
        open.disableProperty().bind(sel.isNull());
        dup.disableProperty().bind(sel.isNull());
        del.disableProperty().bind(sel.isNull());
        // run/cancel follow the selected row's state, which changes while it runs
        Runnable states = () -> {
            ExperimentRow r = sel.get();
            run.setDisable(!ExperimentPageViewModel.canRun(r));
            cancel.setDisable(!ExperimentPageViewModel.canCancel(r));
        };
        javafx.beans.InvalidationListener onState = x -> states.run();
        sel.addListener((o, a, b) -> {
            states.run();
            if (a != null) {
                a.stateProperty().removeListener(onState);
            }
            if (b != null) {
                b.stateProperty().addListener(onState);
            }
        });
        states.run();
        // the first row is selected when the list fills, so that Run and Open work without a click first
        table.getItems().addListener((javafx.collections.ListChangeListener<ExperimentRow>) c -> {
            if (sel.get() == null && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        HBox bar = new HBox(6, h, grow, open, run, cancel, dup, del);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("card");
        return box;
    }

    private static Button action(String text, String id, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("small");
        b.setOnAction(e -> r.run());
        return b;
    }

    private TableView<ExperimentRow> baseTable(String id, String empty) {
        TableView<ExperimentRow> t = new TableView<>();
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(empty));
        t.setRowFactory(tv -> {
            TableRow<ExperimentRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            MenuItem open = new MenuItem("Open");
            open.setOnAction(e -> open(row.getItem()));
            MenuItem run = new MenuItem("Run");
            run.setOnAction(e -> vm.run(row.getItem()));
            MenuItem cancel = new MenuItem("Cancel run");
            cancel.setOnAction(e -> vm.cancel(row.getItem()));
            MenuItem dup = new MenuItem("Duplicate as draft");
            dup.setOnAction(e -> vm.duplicate(row.getItem()));
            MenuItem del = new MenuItem("Delete…");
            del.setOnAction(e -> vm.delete(row.getItem()));
            ContextMenu menu = new ContextMenu(open, run, cancel, dup, del);
            menu.setOnShowing(e -> {
                run.setDisable(!ExperimentPageViewModel.canRun(row.getItem()));
                cancel.setDisable(!ExperimentPageViewModel.canCancel(row.getItem()));
            });
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
        return t;
    }

    private TableView<ExperimentRow> backtestTable() {
        TableView<ExperimentRow> t = baseTable("backtestTable", "No backtests yet: Create → Create Backtest");
        t.setItems(vm.backtests());
        t.getColumns().add(Cells.column("Title", 260, ExperimentRow::titleProperty));
        t.getColumns().add(Cells.column("Model", 130, ExperimentRow::modelProperty));
        t.getColumns().add(Cells.stateColumn("State", 120, ExperimentRow::stateProperty));
        t.getColumns().add(createdColumn());
        t.getColumns().add(metric("MAE", m -> m.mae(), false));
        t.getColumns().add(metric("MAPE", m -> m.mape(), true));
        t.getColumns().add(metric("RMSE", m -> m.rmse(), false));
        return t;
    }

    private TableView<ExperimentRow> hpoTable() {
        TableView<ExperimentRow> t = baseTable("hpoTable", "No HPOs yet: Create → Create HPO");
        t.setItems(vm.hpos());
        t.getColumns().add(Cells.column("Title", 240, ExperimentRow::titleProperty));
        t.getColumns().add(Cells.column("Model", 120, ExperimentRow::modelProperty));
        t.getColumns().add(Cells.stateColumn("State", 120, ExperimentRow::stateProperty));
        TableColumn<ExperimentRow, ProgressCell.Progress> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(f -> Bindings.createObjectBinding(() -> new ProgressCell.Progress(
                f.getValue().completedProperty().get(), f.getValue().plannedProperty().get()),
                f.getValue().completedProperty(), f.getValue().plannedProperty()));
        progress.setCellFactory(c -> new ProgressCell<>());
        progress.setPrefWidth(150);
        progress.setMinWidth(110);
        progress.setSortable(false);
        t.getColumns().add(progress);
        t.getColumns().add(Cells.numberColumn("Best objective", 120, ExperimentRow::bestProperty, Formats::metric));
        t.getColumns().add(Cells.column("Creator", 100, ExperimentRow::creatorProperty));
        t.getColumns().add(createdColumn());
        return t;
    }

    private TableColumn<ExperimentRow, Instant> createdColumn() {
        return Cells.textColumn("Created", 135, ExperimentRow::createdProperty, i -> Formats.when(i, app.displayZone()));
    }

    private TableColumn<ExperimentRow, Double> metric(String name, Function<Metrics, Double> get, boolean percent) {
        Function<ExperimentRow, ObservableValue<Double>> value = r -> Bindings.createObjectBinding(
                () -> r.metricsProperty().get() == null ? null : get.apply(r.metricsProperty().get()), r.metricsProperty());
        return Cells.numberColumn(name, 95, value, percent ? Formats::percent : Formats::metric);
    }

    private void open(ExperimentRow r) {
        if (r != null) {
            nav.showExperiment(r.id());
        }
    }

    public VBox root() {
        return root;
    }

    /** Stops the page's polling (when the window closes). */
    public void dispose() {
        poll.stop();
    }

    /** States shown with a colour. */
    static boolean isActive(HpoState s) {
        return s != null && s.isActive();
    }
}
