package io.hypercast.ui.hpo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The HPO (or backtest) definition form, built in code and bound to {@link HpoDetailViewModel}:
 * general, test period, fit and predict timings, search space, search algorithm. Every field shows
 * its problem beside it as you type.
 */
public final class HpoFormView {
    private static final List<String> COMMON_ZONES = List.of("UTC", "Europe/London", "Europe/Amsterdam", "Europe/Berlin",
            "Europe/Paris", "Europe/Madrid", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
            "Australia/Sydney", "Asia/Tokyo");
    /** The common zones first, then every region zone, sorted: built once for all zone boxes. */
    private static final List<String> ZONE_CHOICES = zoneChoices();

    private static List<String> zoneChoices() {
        List<String> all = new ArrayList<>(COMMON_ZONES);
        new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().filter(s -> !COMMON_ZONES.contains(s) && s.contains("/")).forEach(all::add);
        return List.copyOf(all);
    }

    private final HpoDetailViewModel vm;
    private final FormFields fields;
    private final VBox content = new VBox(14);
    private final ScrollPane root = new ScrollPane(content);

    public HpoFormView(HpoDetailViewModel vm) {
        this.vm = vm;
        this.fields = new FormFields(vm.errors(), vm.warnings(), vm.editableProperty());
        createView();
    }

    private void createView() {
        content.setPadding(new Insets(4, 4, 24, 4));
        content.getStyleClass().add("form");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");

        Label general = new Label();
        general.setId("generalMessage");
        general.getStyleClass().add("field-message");
        general.textProperty().bind(javafx.beans.binding.Bindings.valueAt(vm.errors(), "general"));
        general.visibleProperty().bind(general.textProperty().isNotEmpty());
        general.managedProperty().bind(general.visibleProperty());

        Label readOnly = new Label("This run is read-only: duplicate it to change the definition.");
        readOnly.getStyleClass().add("note");
        readOnly.visibleProperty().bind(vm.editableProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        content.getChildren().addAll(readOnly, general, generalCard(), periodCard(), timingCard(true), timingCard(false));
        VBox space = spaceCard();
        VBox algo = algorithmCard();
        space.visibleProperty().bind(vm.hpoProperty());
        space.managedProperty().bind(vm.hpoProperty());
        algo.visibleProperty().bind(vm.hpoProperty());
        algo.managedProperty().bind(vm.hpoProperty());
        content.getChildren().addAll(space, algo);
    }

    private VBox card(String title, String hint, Node body) {
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

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(150);
        label.setPrefWidth(170);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setFillWidth(true);
        g.getColumnConstraints().addAll(label, field);
        return g;
    }

    /** A labelled line: the controls, and under them the field's message. */
    private int line(GridPane g, int row, String label, String key, String id, Node... controls) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        HBox box = new HBox(8, controls);
        box.setAlignment(Pos.CENTER_LEFT);
        g.add(l, 0, row);
        g.add(box, 1, row);
        g.add(fields.message(key, id + "Message"), 1, row + 1);
        return row + 2;
    }

    private TextField text(StringProperty p, String id, String key, double width, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefWidth(width);
        t.setPromptText(prompt);
        fields.watch(t, key);
        return t;
    }

    private VBox generalCard() {
        GridPane g = grid();
        TextField title = text(vm.title(), "titleField", "title", 420, "a short name");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(640);
        TextArea desc = new TextArea();
        desc.setId("descriptionField");
        desc.textProperty().bindBidirectional(vm.description());
        desc.setPrefRowCount(2);
        desc.setWrapText(true);
        desc.setMaxWidth(640);
        HBox.setHgrow(desc, Priority.ALWAYS);
        fields.readOnly(desc);
        ComboBox<String> model = new ComboBox<>(vm.models());
        model.setId("modelBox");
        model.valueProperty().bindBidirectional(vm.model());
        model.setPrefWidth(240);
        fields.watch(model, "model");
        int r = line(g, 0, "Title", "title", "title", title);
        r = line(g, r, "Description", "description", "description", desc);
        line(g, r, "Model", "model", "model", model);
        return card("General", null, g);
    }

    private VBox periodCard() {
        GridPane g = grid();
        DatePicker startDate = date(vm.testStartDate(), "testStartDate", "test_start_time");
        TextField startTime = text(vm.testStartTime(), "testStartTime", "test_start_time", 80, "00:00");
        DatePicker endDate = date(vm.testEndDate(), "testEndDate", "test_end_time");
        TextField endTime = text(vm.testEndTime(), "testEndTime", "test_end_time", 80, "00:00");
        ComboBox<String> zone = zone(vm.testZone(), "testZone", "test_zone");
        int r = line(g, 0, "Test start", "test_start_time", "testStart", startDate, startTime);
        r = line(g, r, "Test end", "test_end_time", "testEnd", endDate, endTime);
        line(g, r, "Time zone", "test_zone", "testZone", zone);
        return card("Test period", "Predictions are made for reference times in [start, end); start inclusive, end exclusive.", g);
    }

    private DatePicker date(javafx.beans.property.ObjectProperty<java.time.LocalDate> p, String id, String key) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setConverter(new javafx.util.converter.LocalDateStringConverter(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        d.setPromptText("yyyy-mm-dd");
        d.valueProperty().bindBidirectional(p);
        d.setPrefWidth(150);
        fields.watch(d, key);
        return d;
    }

    private ComboBox<String> zone(StringProperty p, String id, String key) {
        ComboBox<String> z = new ComboBox<>();
        z.setId(id);
        z.setEditable(true);
        z.getItems().setAll(ZONE_CHOICES);
        z.setVisibleRowCount(14);
        z.getEditor().textProperty().bindBidirectional(p);
        z.setValue(p.get());
        // the value follows the field too: an editable ComboBox writes its value into the editor when
        // its skin is made or it loses focus, and a value left at the form's default would then
        // overwrite a zone loaded meanwhile (a draft opened before its form was first drawn saved UTC)
        p.addListener((o, a, b) -> {
            if (!java.util.Objects.equals(z.getValue(), b)) {
                z.setValue(b);
            }
        });
        z.setPrefWidth(200);
        fields.watch(z, key);
        return z;
    }

    private VBox timingCard(boolean fit) {
        GridPane g = grid();
        String key = fit ? "fit_reference_timing" : "predict_reference_timing";
        String pre = fit ? "fit" : "predict";
        TextField cron = text(fit ? vm.fitCron() : vm.predictCron(), pre + "CronField", key, 160, "0 0 * * 1");
        ComboBox<String> zone = zone(fit ? vm.fitZone() : vm.predictZone(), pre + "Zone", key);
        Label zl = new Label("in");
        zl.getStyleClass().add("hint");
        Label preview = new Label();
        preview.setId(pre + "Preview");
        preview.getStyleClass().add("preview");
        preview.setWrapText(true);
        preview.textProperty().bind(fit ? vm.fitPreview() : vm.predictPreview());
        TextField start = text(fit ? vm.fitStart() : vm.predictStart(), pre + "StartField", pre + "_start_timing", 110, "-P42D");
        TextField end = text(fit ? vm.fitEnd() : vm.predictEnd(), pre + "EndField", pre + "_end_timing", 110, "PT0S");
        Label to = new Label("to");
        to.getStyleClass().add("hint");
        int r = line(g, 0, fit ? "Fit reference (cron)" : "Predict reference (cron)", key, pre + "Cron", cron, zl, zone);
        g.add(preview, 1, r++);
        r = line(g, r, fit ? "Training window" : "Forecast horizon", pre + "_start_timing", pre + "Start", start, to, end);
        g.add(fields.message(pre + "_end_timing", pre + "EndMessage"), 1, r);
        String hint = fit ? "Each fit reference time in the test period starts a fold. The model trains on targets in "
                + "[fit time + start, fit time + end); end must be <= 0. Durations are ISO-8601, e.g. -P42D, PT0S."
                : "Forecasts are issued at each predict reference time r for the target intervals in [r + start, r + end), e.g. PT0S to PT24H.";
        return card(fit ? "Fit" : "Predict", hint, g);
    }

    private VBox spaceCard() {
        SearchSpaceTable table = new SearchSpaceTable(vm, fields);
        Label message = fields.message("search_space", "searchSpaceMessage");
        Label nonTitle = new Label("Not optimized (every trial uses these values)");
        nonTitle.getStyleClass().add("subsection-title");
        FlowPane non = new FlowPane(8, 6);
        non.setId("nonOptimized");
        Runnable fill = () -> non.getChildren().setAll(vm.nonOptimized().stream().map(s -> {
            Label l = new Label(s);
            l.getStyleClass().add("param-chip");
            return l;
        }).toList());
        vm.nonOptimized().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        VBox body = new VBox(8, table.root(), message, nonTitle, non);
        return card("Search space", "Bounds are in natural units. QUniform and QLogUniform round to multiples of q; "
                + "log distributions need lower > 0. Choices are separated by commas.", body);
    }

    private VBox algorithmCard() {
        GridPane g = grid();
        ComboBox<String> algo = new ComboBox<>();
        algo.setId("algorithmBox");
        algo.getItems().setAll(SearchForm.ALGORITHMS);
        algo.valueProperty().bindBidirectional(vm.algorithm());
        fields.readOnly(algo);
        TextField trials = text(vm.numTrials(), "numTrialsField", "num_trials", 90, "10");
        TextField concurrent = text(vm.maxConcurrent(), "maxConcurrentField", "max_concurrent_trials", 90, "1");
        TextField startup = text(vm.nStartupJobs(), "startupField", "n_startup_jobs", 90, "20");
        startup.disableProperty().bind(vm.algorithm().isEqualTo("Random"));
        ComboBox<String> metric = new ComboBox<>();
        metric.setId("metricBox");
        metric.getItems().setAll("rmse", "mae", "mape", "mse");
        metric.valueProperty().bindBidirectional(vm.metric());
        fields.watch(metric, "metric");
        TextField seed = text(vm.seed(), "seedField", "seed", 90, "0");
        int r = line(g, 0, "Algorithm", "algorithm", "algorithm", algo);
        r = line(g, r, "Number of trials", "num_trials", "numTrials", trials);
        r = line(g, r, "Max concurrent trials", "max_concurrent_trials", "maxConcurrent", concurrent);
        r = line(g, r, "n_startup_jobs", "n_startup_jobs", "startup", startup);
        r = line(g, r, "Metric (minimized)", "metric", "metric", metric);
        line(g, r, "Seed", "seed", "seed", seed);
        return card("Search algorithm", "Hyperopt (TPE) draws at random for the first n_startup_jobs trials, then models good and bad "
                + "trials. Limits: 150 trials and 5 concurrent trials per HPO.", g);
    }

    public ScrollPane root() {
        return root;
    }
}
