package io.hypercast.ui.nots;

import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The selected node's form: kind, type, settings, inputs; for a model its features, target and every hyperparameter. */
final class NodeInspector {
    private final NotsViewModel vm;
    private final Consumer<Node> onAppend;
    private final VBox root = new VBox(10);

    NodeInspector(NotsViewModel vm, Consumer<Node> onAppend) {
        this.vm = vm;
        this.onAppend = onAppend;
        root.setId("nodeInspector");
        root.setPadding(new Insets(2));
        vm.selectedProperty().addListener((o, a, n) -> show(n));
        vm.frozenReasonProperty().addListener((o, a, b) -> show(vm.selectedProperty().get()));
        show(null);
    }

    private void show(Node n) {
        root.getChildren().clear();
        if (n == null) {
            Label l = new Label("Click a node to see its settings. Add nodes with Add node; import data with Import CSV.");
            l.getStyleClass().add("hint");
            l.setWrapText(true);
            root.getChildren().add(l);
            return;
        }
        Label title = new Label(n.name());
        title.setId("inspectorTitle");
        title.getStyleClass().add("section-title");
        Label kind = new Label(n.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · " + n.type());
        kind.getStyleClass().add("hint");
        GridPane settings = new GridPane();
        settings.setHgap(10);
        settings.setVgap(3);
        int r = 0;
        for (Map.Entry<String, Object> e : n.settings().entrySet()) {
            if (!e.getKey().equals("parameters")) {
                settings.addRow(r++, key(e.getKey()), value(String.valueOf(e.getValue())));
            }
        }
        if (n.kind() == NodeKind.MODEL) {
            String features = String.join(", ", vm.inputsOf(n).stream().filter(s -> s.startsWith(NodeTypes.FEATURES))
                    .map(s -> s.substring(NodeTypes.FEATURES.length() + 2)).toList());
            String target = String.join(", ", vm.inputsOf(n).stream().filter(s -> s.startsWith(NodeTypes.TARGETS))
                    .map(s -> s.substring(NodeTypes.TARGETS.length() + 2)).toList());
            settings.addRow(r++, key("features"), value(features.isEmpty() ? "none" : features));
            settings.addRow(r++, key("target"), value(target.isEmpty() ? "none" : target));
        } else {
            String in = String.join(", ", vm.inputsOf(n));
            settings.addRow(r++, key("inputs"), value(in.isEmpty() ? "none" : in));
        }
        root.getChildren().addAll(new VBox(2, title, kind), settings);
        boolean frozen = vm.frozen();
        Button delete = new Button("Delete node");
        delete.setId("deleteNode");
        delete.getStyleClass().addAll("small", "danger");
        delete.setDisable(frozen);
        delete.setOnAction(e -> vm.delete(n));
        HBox actions = new HBox(6);
        if (n.kind() == NodeKind.MODEL) {
            Label h = new Label("Hyperparameters");
            h.getStyleClass().add("subsection-title");
            Label hint = new Label(frozen ? "Read-only: the project is frozen." : "Blank uses the default (shown in grey).");
            hint.getStyleClass().add("hint");
            ParamsGrid grid = new ParamsGrid(NotsViewModel.params(n), !frozen);
            Button save = new Button("Save parameters");
            save.setId("saveParams");
            save.getStyleClass().add("small");
            save.setDisable(frozen);
            save.setOnAction(e -> vm.setParameters(n, grid.typed()));
            actions.getChildren().add(save);
            root.getChildren().addAll(h, hint, grid.root());
        }
        if (NodeTypes.CSV_OBSERVATIONS.equals(n.type())) {
            Button append = new Button("Append newer rows…");
            append.setId("appendRows");
            append.getStyleClass().add("small");
            append.setOnAction(e -> onAppend.accept(n));
            actions.getChildren().add(append);
        }
        actions.getChildren().add(delete);
        root.getChildren().add(actions);
    }

    private static Label key(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("inspector-key");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("inspector-value");
        l.setWrapText(true);
        l.setMaxWidth(230);
        return l;
    }

    VBox root() {
        return root;
    }
}
