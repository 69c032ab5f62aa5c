package io.hypercast.ui.nots;

import io.hypercast.model.Node;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.importer.ImportWizardView;
import io.hypercast.ui.importer.ImportWizardViewModel;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A project's NoTS page: the graph on the left, the selected node's inspector (or the add-node
 * form) on the right, Import CSV and Add node at the top. A frozen project shows a lock and why,
 * and its edit actions are disabled (the engine refuses them anyway).
 */
public final class NotsPageView {
    public static final String STYLESHEET = "/io/hypercast/ui/nots/nots.css";
    private final AppContext app;
    private final NotsViewModel vm;
    private final VBox root = new VBox(12);
    private final StackPane body = new StackPane();
    private final HBox editor;
    private final ScrollPane side = new ScrollPane();
    private final NodeInspector inspector;

    public NotsPageView(AppContext app) {
        this.app = app;
        this.vm = new NotsViewModel(app);
        this.inspector = new NodeInspector(vm, this::append);
        root.getStylesheets().add(NotsPageView.class.getResource(STYLESHEET).toExternalForm());
        root.getStyleClass().add("page");
        root.setPadding(new Insets(14, 22, 14, 22));

        Label subtitle = new Label("Network of Time Series");
        subtitle.getStyleClass().add("page-subtitle");
        Label title = new Label();
        title.setId("notsTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.projectProperty().get() == null ? "" : vm.projectProperty().get().title(),
                vm.projectProperty()));
        Label lock = lockBadge(vm);
        HBox titleLine = new HBox(10, title, lock);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button importCsv = new Button("Import CSV…");
        importCsv.setId("importCsv");
        importCsv.setOnAction(e -> openWizard(null));
        MenuButton add = new MenuButton("Add node");
        add.setId("addNodeMenu");
        add.getStyleClass().add("accent");
        for (NodeTemplates.Template t : NodeTemplates.ALL) {
            MenuItem item = new MenuItem(t.label());
            item.setId("add-" + t.type());
            item.setOnAction(e -> showForm(t));
            add.getItems().add(item);
        }
        var frozen = vm.frozenReasonProperty().isNotEmpty();
        importCsv.disableProperty().bind(frozen.or(vm.projectProperty().isNull()));
        add.disableProperty().bind(frozen.or(vm.projectProperty().isNull()));
        HBox header = new HBox(8, new VBox(2, subtitle, titleLine), grow, importCsv, add);
        header.setAlignment(Pos.BOTTOM_LEFT);
        Label reason = new Label();
        reason.setId("frozenReason");
        reason.getStyleClass().add("note");
        reason.textProperty().bind(vm.frozenReasonProperty());
        reason.visibleProperty().bind(frozen);
        reason.managedProperty().bind(frozen);

        ScrollPane graph = new ScrollPane(new NotsGraphView(vm).root());
        graph.getStyleClass().add("card");
        graph.setStyle("-fx-padding: 0; -fx-background: white;");
        HBox.setHgrow(graph, Priority.ALWAYS);
        side.setContent(inspector.root());
        side.setFitToWidth(true);
        side.getStyleClass().add("card");
        side.setPrefWidth(370);
        side.setMinWidth(330);
        editor = new HBox(12, new VBox(6, legend(), graph), side);
        VBox.setVgrow(editor.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(graph, Priority.ALWAYS);
        HBox.setHgrow(editor.getChildren().get(0), Priority.ALWAYS);
        body.getChildren().setAll(editor);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(header, reason, body);
        vm.selectedProperty().addListener((o, a, n) -> side.setContent(inspector.root()));
    }

    /** A lock and the word "Frozen" while the project is frozen; its tooltip says why. */
    static Label lockBadge(NotsViewModel vm) {
        Label lock = new Label("Frozen"); // the badge is the sign: no emoji (the default fonts draw a box for it)
        lock.setId("notsLock");
        lock.getStyleClass().add("lock-badge");
        lock.visibleProperty().bind(vm.frozenReasonProperty().isNotEmpty());
        lock.managedProperty().bind(lock.visibleProperty());
        return lock;
    }

    private static HBox legend() {
        HBox h = new HBox(6);
        h.setAlignment(Pos.CENTER_LEFT);
        Label l = new Label("Flows left to right:");
        l.getStyleClass().add("hint");
        h.getChildren().add(l);
        for (String[] k : new String[][] {{"source", "Source"}, {"operation", "Operation"}, {"time_series", "Time series"}, {"model", "Model"}}) {
            Label c = new Label(k[1]);
            c.getStyleClass().addAll("legend-chip", "nots-" + k[0]);
            h.getChildren().add(c);
        }
        Label t = new Label("dashed: a model's target");
        t.getStyleClass().add("hint");
        h.getChildren().add(t);
        return h;
    }

    private void showForm(NodeTemplates.Template t) {
        side.setContent(new AddNodeForm(vm, t, () -> side.setContent(inspector.root())).root());
    }

    private void append(Node source) {
        openWizard(source);
    }

    private void openWizard(Node appendTo) {
        UUID id = vm.projectProperty().get().id();
        ImportWizardViewModel w = new ImportWizardViewModel(app, id, appendTo);
        ImportWizardView view = new ImportWizardView(w, outcome -> {
            body.getChildren().setAll(editor);
            if (outcome != null) {
                app.dialogs().notify(appendTo == null ? "Imported" : "Appended", outcome);
                vm.refresh();
            }
        });
        body.getChildren().setAll(view.root());
        w.chooseFile();
    }

    public void show(UUID projectId) {
        vm.show(projectId, null);
    }

    public NotsViewModel viewModel() {
        return vm;
    }

    public VBox root() {
        return root;
    }
}
