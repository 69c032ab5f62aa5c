package io.hypercast.ui.deployments;

import io.hypercast.model.Deployment;
import io.hypercast.model.PolicyKind;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Cells;
import io.hypercast.ui.common.Formats;
import io.hypercast.ui.deployments.DeploymentsViewModel.PolicyRow;
import io.hypercast.ui.deployments.DeploymentsViewModel.RunRow;
import io.hypercast.ui.nots.NotsPageView;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * A project's Deployments page: its policies (with a form to add one), Deploy, its deployments
 * (Deactivate, Export forecasts), the selected deployment's runs and its latest forecast charted
 * against the observations.
 */
public final class DeploymentsPageView {
    private final AppContext app;
    private final DeploymentsViewModel vm;
    private final VBox content = new VBox(14);
    private final ScrollPane root = new ScrollPane(content);
    private final StackPane chartBox = new StackPane();

    public DeploymentsPageView(AppContext app) {
        this.app = app;
        this.vm = new DeploymentsViewModel(app);
        createView();
        vm.latestProperty().addListener((o, a, l) -> chart(l));
    }

    private void createView() {
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
        root.getStylesheets().add(NotsPageView.class.getResource(NotsPageView.STYLESHEET).toExternalForm());
        content.getStyleClass().add("page");
        content.setPadding(new Insets(14, 22, 22, 22));
        Label subtitle = new Label("Deployments");
        subtitle.getStyleClass().add("page-subtitle");
        Label title = new Label();
        title.setId("deploymentsTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.projectProperty().get() == null ? "" : vm.projectProperty().get().title(),
                vm.projectProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setId("refreshDeployments");
        refresh.setOnAction(e -> vm.refresh());
        Button deploy = new Button("Deploy…");
        deploy.setId("deployButton");
        deploy.getStyleClass().add("accent");
        deploy.setOnAction(e -> vm.deploy());
        deploy.disableProperty().bind(vm.projectProperty().isNull());
        HBox header = new HBox(8, new VBox(2, subtitle, title), grow, refresh, deploy);
        header.setAlignment(Pos.BOTTOM_LEFT);
        Label frozen = new Label();
        frozen.getStyleClass().add("note");
        frozen.textProperty().bind(vm.frozenReasonProperty());
        frozen.visibleProperty().bind(vm.frozenReasonProperty().isNotEmpty());
        frozen.managedProperty().bind(frozen.visibleProperty());
        chartBox.setPrefHeight(340);
        chartBox.setMinHeight(260);
        Label noChart = new Label("No forecast yet: the chart appears after the first Time Series Run Policy run.");
        noChart.getStyleClass().add("hint");
        chartBox.getChildren().setAll(noChart);
        content.getChildren().addAll(header, frozen, card("Policies", "A Model Fit Policy refits a model on a window before each firing; a Time Series Run "
                + "Policy forecasts a horizon after each firing. Times are ISO-8601 durations relative to the firing.", policies()),
                card("Deployments", null, deployments()), card("Runs of the selected deployment", null, runs()),
                card("Latest forecast against the observations", "Drag a rectangle to zoom; the red line is the forecast's reference time.", chartBox));
    }

    private VBox policies() {
        TableView<PolicyRow> t = new TableView<>(vm.policies());
        t.setId("policyTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No policies yet: add a Model Fit Policy and a Time Series Run Policy below."));
        t.getColumns().add(Cells.column("Policy", 180, p -> new ReadOnlyStringWrapper(p.kind())));
        t.getColumns().add(Cells.column("Model", 130, p -> new ReadOnlyStringWrapper(p.model())));
        t.getColumns().add(Cells.column("Schedule", 200, p -> new ReadOnlyStringWrapper(p.policy().schedule().expression() + "  ("
                + p.policy().schedule().timeZone().getId() + ")")));
        t.getColumns().add(Cells.column("Start", 90, p -> new ReadOnlyStringWrapper(p.policy().startTiming().toString())));
        t.getColumns().add(Cells.column("End", 90, p -> new ReadOnlyStringWrapper(p.policy().endTiming().toString())));
        t.setFixedCellSize(30);
        t.setPrefHeight(30 * 3 + 34);
        ComboBox<PolicyKind> kind = new ComboBox<>();
        kind.setId("policyKind");
        kind.getItems().addAll(PolicyKind.MODEL_FIT, PolicyKind.TS_RUN);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PolicyKind k) {
                return k == null ? "" : DeploymentsViewModel.label(k);
            }

            @Override
            public PolicyKind fromString(String s) {
                return null;
            }
        });
        ComboBox<String> model = new ComboBox<>(vm.models());
        model.setId("policyModel");
        // the first model is chosen when the list fills; the ComboBox clears a value whose item was
        // replaced only after list listeners like this one ran, hence the choice comes on the next turn
        vm.models().addListener((javafx.collections.ListChangeListener<String>) c -> javafx.application.Platform.runLater(() -> {
            if ((model.getValue() == null || !vm.models().contains(model.getValue())) && !vm.models().isEmpty()) {
                model.setValue(vm.models().get(0));
            }
        }));
        TextField cron = field("policyCron", 9, "cron");
        TextField zone = field("policyZone", 9, "zone");
        zone.setText("UTC");
        TextField start = field("policyStart", 6, "start");
        TextField end = field("policyEnd", 6, "end");
        kind.valueProperty().addListener((o, a, k) -> {
            boolean fit = k == PolicyKind.MODEL_FIT;
            cron.setText(fit ? "0 0 * * 1" : "0 6 * * *");
            start.setText(fit ? "-P28D" : "PT0S");
            end.setText(fit ? "PT0S" : "PT24H");
        });
        kind.setValue(PolicyKind.MODEL_FIT);
        Button add = new Button("Add policy");
        add.setId("addPolicy");
        add.getStyleClass().add("small");
        add.setOnAction(e -> vm.addPolicy(kind.getValue(), model.getValue(), cron.getText(), zone.getText(), start.getText(), end.getText(),
                () -> kind.setValue(kind.getValue() == PolicyKind.MODEL_FIT ? PolicyKind.TS_RUN : PolicyKind.MODEL_FIT)));
        Button del = new Button("Delete policy");
        del.setId("deletePolicy");
        del.getStyleClass().addAll("small", "danger");
        del.setOnAction(e -> vm.deletePolicy(t.getSelectionModel().getSelectedItem()));
        var locked = vm.frozenReasonProperty().isNotEmpty();
        del.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull().or(locked));
        add.disableProperty().bind(locked.or(model.valueProperty().isNull()));
        HBox form = new HBox(6, kind, model, labelled("cron", cron), labelled("zone", zone), labelled("from", start), labelled("to", end), add);
        form.setAlignment(Pos.CENTER_LEFT);
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        return new VBox(8, t, form, new HBox(g, del));
    }

    private static HBox labelled(String s, TextField f) {
        Label l = new Label(s);
        l.getStyleClass().add("hint");
        HBox h = new HBox(4, l, f);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static TextField field(String id, int cols, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(cols);
        f.setPromptText(prompt);
        return f;
    }

    private VBox deployments() {
        TableView<Deployment> t = new TableView<>(vm.deployments());
        t.setId("deploymentTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("Not deployed: add both policies, then Deploy…"));
        t.getColumns().add(Cells.column("Title", 240, d -> new ReadOnlyStringWrapper(d.title())));
        t.getColumns().add(Cells.column("State", 100, d -> new ReadOnlyStringWrapper(d.active() ? "Active" : "Inactive")));
        t.getColumns().add(Cells.textColumn("Deployed", 150, d -> new ReadOnlyObjectWrapper<>(d.createdAt()), i -> Formats.when(i, app.displayZone())));
        t.setFixedCellSize(30);
        t.setPrefHeight(30 * 2 + 34);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null && (vm.selectedProperty().get() == null || !vm.selectedProperty().get().id().equals(d.id()))) {
                vm.selectedProperty().set(d);
            }
        });
        vm.selectedProperty().addListener((o, a, d) -> {
            if (d != null) {
                t.getItems().stream().filter(x -> x.id().equals(d.id())).findFirst().ifPresent(x -> t.getSelectionModel().select(x));
            }
        });
        Button deactivate = new Button("Deactivate");
        deactivate.setId("deactivateButton");
        deactivate.getStyleClass().addAll("small", "danger");
        deactivate.setOnAction(e -> vm.deactivate());
        deactivate.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().active(), vm.selectedProperty()));
        Button export = new Button("Export forecasts CSV…");
        export.setId("exportForecasts");
        export.getStyleClass().add("small");
        export.setOnAction(e -> vm.exportForecasts());
        export.disableProperty().bind(vm.selectedProperty().isNull());
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        return new VBox(8, t, new HBox(6, g, export, deactivate));
    }

    private TableView<RunRow> runs() {
        TableView<RunRow> t = new TableView<>(vm.runs());
        t.setId("runTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No runs yet: policies run at their scheduled times while the app is open (checked every minute)."));
        t.getColumns().add(Cells.textColumn("Time", 150, r -> new ReadOnlyObjectWrapper<>(r.run().scheduledTime()), i -> Formats.when(i, app.displayZone())));
        t.getColumns().add(Cells.column("Policy", 240, r -> new ReadOnlyStringWrapper(r.policy())));
        t.getColumns().add(Cells.column("State", 90, r -> new ReadOnlyStringWrapper(r.run().state() == null ? "RUNNING" : r.run().state())));
        t.getColumns().add(Cells.numberColumn("Duration", 90, r -> new ReadOnlyObjectWrapper<>(r.run().seconds()), Formats::seconds));
        t.getColumns().add(Cells.column("Error", 300, r -> new ReadOnlyStringWrapper(r.run().error() == null ? "" : r.run().error())));
        t.setPrefHeight(220);
        return t;
    }

    private void chart(DeploymentsViewModel.Latest l) {
        if (l == null) {
            Label none = new Label("No forecast yet: the chart appears after the first Time Series Run Policy run.");
            none.getStyleClass().add("hint");
            chartBox.getChildren().setAll(none);
            return;
        }
        ChartViewer v = new ChartViewer(ForecastChart.of(l, app.displayZone()));
        v.setId("forecastChart");
        chartBox.getChildren().setAll(v);
    }

    private static VBox card(String title, String hint, javafx.scene.Node body) {
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

    public void show(UUID projectId) {
        vm.show(projectId);
    }

    public DeploymentsViewModel viewModel() {
        return vm;
    }

    public ScrollPane root() {
        return root;
    }
}
