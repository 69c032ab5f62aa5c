package io.hypercast.ui.importer;

import io.hypercast.ui.importer.ImportWizardViewModel.ColumnChoice;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The import wizard as a page: file, preview, options, the report, then Import. Binds to
 * {@link ImportWizardViewModel}; {@code onClose} is told the outcome (null when cancelled).
 */
public final class ImportWizardView {
    private final ImportWizardViewModel vm;
    private final VBox content = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(content);
    private final javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(scroll);
    private final TableView<List<String>> preview = new TableView<>();

    public ImportWizardView(ImportWizardViewModel vm, Consumer<String> onClose) {
        this.vm = vm;
        createView(onClose);
    }

    private void createView(Consumer<String> onClose) {
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        content.setPadding(new Insets(4, 4, 20, 4));
        Label title = new Label(vm.appending() ? "Append newer rows to '" + vm.appendTo().name() + "'" : "Import a CSV file of observations");
        title.getStyleClass().add("section-title");
        Label hint = new Label(vm.appending()
                ? "Older data is kept. Rows that contradict stored values are replaced only after you confirm."
                : "One source and one time series per chosen column. Nothing is stored until you press Import.");
        hint.getStyleClass().add("hint");
        Button choose = new Button("Choose file…");
        choose.setId("importChooseFile");
        choose.setOnAction(e -> vm.chooseFile());
        Label path = new Label();
        path.setId("importFile");
        path.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? "no file chosen"
                : vm.fileProperty().get().toString(), vm.fileProperty()));
        HBox fileLine = new HBox(10, choose, path);
        fileLine.setAlignment(Pos.CENTER_LEFT);

        preview.setId("importPreview");
        preview.setItems(vm.previewRows());
        preview.setPlaceholder(new Label("The first rows of the file appear here."));
        preview.setFixedCellSize(26);
        preview.setPrefHeight(26 * 5 + 34); // the rest scrolls: options and report stay in view
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.header().addListener((ListChangeListener<String>) c -> columnsOfPreview());

        VBox options = card("Reading options", null, optionsGrid());
        ListView<String> report = new ListView<>(vm.reportLines());
        report.setId("importReport");
        report.setPrefHeight(170);
        report.setPlaceholder(new Label("The report of gaps, duplicates and bad rows appears once the file is read."));
        Label problem = new Label();
        problem.setId("importProblem");
        problem.getStyleClass().add("field-message");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("importCancel");
        cancel.setOnAction(e -> onClose.accept(null));
        Button go = new Button(vm.appending() ? "Append" : "Import");
        go.setId("importButton");
        go.getStyleClass().add("accent");
        go.disableProperty().bind(vm.parsedProperty().isNull().or(vm.busyProperty()));
        go.setOnAction(e -> vm.importNow(onClose));
        Label busy = new Label("Reading…");
        busy.getStyleClass().add("hint");
        busy.visibleProperty().bind(vm.busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, grow, cancel, go);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 4, 0, 4));
        root.setBottom(buttons); // always in view, whatever the scroll position

        VBox reportCard = card("Report", "What the whole file holds, with line numbers, before anything is stored.", new VBox(6, problem, report));
        HBox.setHgrow(reportCard, Priority.ALWAYS);
        reportCard.setPrefWidth(520);
        HBox optionsAndReport = new HBox(12, options, reportCard); // side by side: a change shows its effect at once
        content.getChildren().addAll(new VBox(2, title, hint), fileLine, card("Preview", "The first rows as written in the file.", preview),
                optionsAndReport);
    }

    private GridPane optionsGrid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        ComboBox<String> ts = new ComboBox<>(vm.timestampColumns());
        ts.setId("importTimestampColumn");
        ts.valueProperty().bindBidirectional(vm.timestampColumnProperty());
        Label offset = new Label();
        offset.setId("importOffset");
        offset.getStyleClass().add("hint");
        offset.setWrapText(true);
        offset.setMaxWidth(220);
        offset.textProperty().bind(Bindings.createStringBinding(() -> vm.detectedOffsetProperty().get().isEmpty()
                ? "no offset written: the timestamps are wall time in the zone below"
                : "offset " + vm.detectedOffsetProperty().get() + " written on the timestamps: they are exact", vm.detectedOffsetProperty()));
        ComboBox<ZoneId> zone = new ComboBox<>();
        zone.setId("importZone");
        zone.getItems().addAll(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        zone.getItems().add(0, ZoneId.of("UTC"));
        zone.setEditable(true);
        zone.setConverter(new StringConverter<>() {
            @Override
            public String toString(ZoneId z) {
                return z == null ? "" : z.getId();
            }

            @Override
            public ZoneId fromString(String s) {
                try {
                    return s == null || s.isBlank() ? ZoneId.of("UTC") : ZoneId.of(s.strip());
                } catch (RuntimeException e) {
                    return vm.zoneProperty().get();
                }
            }
        });
        zone.valueProperty().bindBidirectional(vm.zoneProperty());
        zone.disableProperty().bind(vm.detectedOffsetProperty().isNotEmpty());
        TextField period = new TextField();
        period.setId("importPeriod");
        period.setPrefColumnCount(8);
        period.textProperty().bindBidirectional(vm.periodProperty());
        period.promptTextProperty().bind(Bindings.createStringBinding(() -> vm.inferredPeriodProperty().get().isEmpty() ? "inferred"
                : "inferred: " + vm.inferredPeriodProperty().get(), vm.inferredPeriodProperty()));
        period.setDisable(vm.appending()); // appended rows go on the source's grid
        Label periodHint = new Label();
        periodHint.getStyleClass().add("hint");
        periodHint.setWrapText(true);
        periodHint.setMaxWidth(220);
        periodHint.textProperty().bind(Bindings.createStringBinding(() -> vm.appending() ? "the source's period"
                : "inferred " + (vm.inferredPeriodProperty().get().isEmpty() ? "from the timestamps" : vm.inferredPeriodProperty().get())
                + "; type an ISO-8601 duration (PT30M, PT1H) to set it", vm.inferredPeriodProperty()));
        FlowPane columns = new FlowPane(12, 6);
        columns.setId("importColumns");
        Runnable boxes = () -> columns.getChildren().setAll(vm.columns().stream().map(this::checkBox).toList());
        vm.columns().addListener((ListChangeListener<ColumnChoice>) c -> boxes.run());
        boxes.run();
        CheckBox skip = new CheckBox("Skip bad rows (they are listed in the report)");
        skip.setId("importSkipBadRows");
        skip.selectedProperty().bindBidirectional(vm.skipBadRowsProperty());
        TextField name = new TextField();
        name.setId("importSourceName");
        name.textProperty().bindBidirectional(vm.sourceNameProperty());
        int r = 0;
        g.addRow(r++, label("Timestamp column"), ts, offset);
        g.addRow(r++, label("Time zone"), zone);
        g.addRow(r++, label("Sample period"), period, periodHint);
        g.add(label("Value columns"), 0, r);
        g.add(columns, 1, r++, 2, 1);
        g.add(skip, 1, r++, 2, 1);
        if (!vm.appending()) {
            g.addRow(r, label("Source name"), name);
        }
        return g;
    }

    private CheckBox checkBox(ColumnChoice c) {
        CheckBox b = new CheckBox(c.name());
        b.setId("importColumn-" + c.name());
        b.selectedProperty().bindBidirectional(c.chosen());
        return b;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void columnsOfPreview() {
        preview.getColumns().clear();
        for (int i = 0; i < vm.header().size(); i++) {
            int k = i;
            TableColumn<List<String>, String> c = new TableColumn<>(vm.header().get(i));
            c.setCellValueFactory(f -> new ReadOnlyStringWrapper(k < f.getValue().size() ? f.getValue().get(k) : ""));
            c.setSortable(false);
            c.setPrefWidth(150);
            preview.getColumns().add(c);
        }
    }

    private static VBox card(String title, String hint, javafx.scene.Node body) {
        Label h = new Label(title);
        h.getStyleClass().add("subsection-title");
        VBox box = new VBox(6, h);
        if (hint != null) {
            Label l = new Label(hint);
            l.getStyleClass().add("hint");
            box.getChildren().add(l);
        }
        box.getChildren().add(body);
        box.getStyleClass().add("card");
        return box;
    }

    public javafx.scene.layout.BorderPane root() {
        return root;
    }
}
