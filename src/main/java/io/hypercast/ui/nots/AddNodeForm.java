package io.hypercast.ui.nots;

import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Node;
import io.hypercast.ui.nots.NodeTemplates.Field;
import io.hypercast.ui.nots.NodeTemplates.Template;
import io.hypercast.ui.nots.NotsViewModel.InputRef;
import io.hypercast.ui.nots.NotsViewModel.ParamRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The form that adds one node of a type: its name, settings, and what feeds it (for a model: features, target, hyperparameters). */
final class AddNodeForm {
    private final VBox root = new VBox(10);

    AddNodeForm(NotsViewModel vm, Template t, Runnable close) {
        root.setId("addNodeForm");
        Label title = new Label("Add " + t.label());
        title.getStyleClass().add("section-title");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        TextField name = new TextField(suggest(vm, t));
        name.setId("addName");
        int r = 0;
        g.addRow(r++, label("Name"), name);
        Map<String, TextField> settings = new LinkedHashMap<>();
        for (Field f : t.fields()) {
            TextField tf = new TextField(f.initial());
            tf.setId("set-" + f.key());
            settings.put(f.key(), tf);
            Label help = new Label(f.help());
            help.getStyleClass().add("param-help");
            help.setWrapText(true);
            help.setMaxWidth(230);
            g.addRow(r++, label(f.key()), new VBox(1, tf, help));
        }
        ComboBox<InputRef> input = new ComboBox<>();
        input.setId("addInput");
        List<CheckBox> features = new ArrayList<>();
        ComboBox<Node> target = new ComboBox<>();
        target.setId("addTarget");
        ParamsGrid params = null;
        if (t.input().equals("one")) {
            input.getItems().setAll(vm.inputChoices());
            input.setPromptText("what feeds it");
            g.addRow(r++, label("Input"), input);
        } else if (t.input().equals("model")) {
            FlowPane fp = new FlowPane(10, 4);
            fp.setPrefWrapLength(260);
            for (Node ts : vm.timeSeries()) {
                CheckBox b = new CheckBox(ts.name());
                b.setId("feature-" + ts.name());
                b.setUserData(ts);
                features.add(b);
                fp.getChildren().add(b);
            }
            g.addRow(r++, label("Features"), fp);
            target.getItems().setAll(vm.timeSeries());
            target.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Node n) {
                    return n == null ? "" : n.name();
                }

                @Override
                public Node fromString(String s) {
                    return null;
                }
            });
            target.setPromptText("the series it forecasts");
            g.addRow(r++, label("Target"), target);
            params = new ParamsGrid(ModelKinds.get(NodeTypes.LIGHTGBM).hyperparameters().stream().map(h -> new ParamRow(h, "")).toList(), true);
        }
        Button add = new Button("Add");
        add.setId("addNodeButton");
        add.getStyleClass().add("accent");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> close.run());
        ParamsGrid p = params;
        add.setOnAction(e -> {
            Map<String, String> typed = new LinkedHashMap<>();
            settings.forEach((k, f) -> typed.put(k, f.getText()));
            List<Node> feats = features.stream().filter(CheckBox::isSelected).map(b -> (Node) b.getUserData()).toList();
            vm.add(t.type(), name.getText(), typed, input.getValue(), feats, target.getValue(), p == null ? Map.of() : p.typed(), close);
        });
        HBox buttons = new HBox(8, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(title, g);
        if (params != null) {
            Label h = new Label("Hyperparameters");
            h.getStyleClass().add("subsection-title");
            Label hint = new Label("Blank uses the default (shown in grey).");
            hint.getStyleClass().add("hint");
            root.getChildren().addAll(h, hint, params.root());
        }
        root.getChildren().add(buttons);
    }

    private static String suggest(NotsViewModel vm, Template t) {
        String base = switch (t.type()) {
            case NodeTypes.TIME_TRENDS -> "calendar";
            case NodeTypes.RESAMPLING -> "resample";
            case NodeTypes.FILL_NA -> "fill";
            case NodeTypes.TIME_TRANSFORMATIONS -> "shift";
            case NodeTypes.TIME_SERIES -> "series";
            default -> "model";
        };
        String name = base;
        for (int i = 2; vm.nodes().stream().anyMatch(n -> n.name().equals(vm.nodes().isEmpty() ? "" : candidate(base, 0))) && i < 1000; i++) {
            String c = base + "_" + i;
            if (vm.nodes().stream().noneMatch(n -> n.name().equals(c))) {
                name = c;
                break;
            }
        }
        return name;
    }

    private static String candidate(String base, int i) {
        return i == 0 ? base : base + "_" + i;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("form-label");
        l.setMinWidth(70);
        return l;
    }

    VBox root() {
        return root;
    }
}
