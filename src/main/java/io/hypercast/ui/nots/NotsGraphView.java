package io.hypercast.ui.nots;

import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Edge;
import io.hypercast.model.Node;
import io.hypercast.ui.nots.NotsLayout.Place;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/** The NoTS drawn: a labelled box per node coloured by kind, an arrow per edge (a model's target dashed). Click selects. */
final class NotsGraphView {
    private final NotsViewModel vm;
    private final Pane canvas = new Pane();

    NotsGraphView(NotsViewModel vm) {
        this.vm = vm;
        canvas.setId("notsGraph");
        canvas.getStyleClass().add("nots-canvas");
        vm.nodes().addListener((javafx.collections.ListChangeListener<Node>) c -> draw());
        vm.selectedProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(e -> {
            if (e.getTarget() == canvas) {
                vm.selectedProperty().set(null);
            }
        });
    }

    private void draw() {
        canvas.getChildren().clear();
        Map<UUID, Place> places = NotsLayout.layout(vm.nodes(), vm.edges());
        double w = 0;
        double h = 0;
        for (Edge e : vm.edges()) {
            Place a = places.get(e.fromNode());
            Place b = places.get(e.toNode());
            if (a != null && b != null) {
                arrow(a, b, NodeTypes.TARGETS.equals(e.toPort()));
            }
        }
        for (Node n : vm.nodes()) {
            Place p = places.get(n.id());
            VBox box = box(n);
            box.relocate(p.x(), p.y());
            canvas.getChildren().add(box);
            w = Math.max(w, p.x() + NotsLayout.BOX_W + NotsLayout.MARGIN);
            h = Math.max(h, p.y() + NotsLayout.BOX_H + NotsLayout.MARGIN);
        }
        canvas.setPrefSize(w, h);
        canvas.setMinSize(w, h);
    }

    private VBox box(Node n) {
        Label name = new Label(n.name());
        name.getStyleClass().add("nots-name");
        Label type = new Label(n.type() + (n.setting("period") != null && !n.type().equals(NodeTypes.RESAMPLING) ? " · " + n.setting("period") : ""));
        type.getStyleClass().add("nots-type");
        VBox box = new VBox(1, name, type);
        box.setId("node-" + n.name());
        box.getStyleClass().addAll("nots-node", "nots-" + n.kind().name().toLowerCase(Locale.ROOT));
        if (vm.selectedProperty().get() != null && vm.selectedProperty().get().id().equals(n.id())) {
            box.getStyleClass().add("nots-selected");
        }
        box.setPrefSize(NotsLayout.BOX_W, NotsLayout.BOX_H);
        box.setMaxSize(NotsLayout.BOX_W, NotsLayout.BOX_H);
        Tooltip.install(box, new Tooltip(n.name() + " (" + n.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + n.type() + ")"));
        box.setOnMouseClicked(e -> vm.selectedProperty().set(n));
        return box;
    }

    private void arrow(Place a, Place b, boolean target) {
        double x1 = a.x() + NotsLayout.BOX_W;
        double y1 = a.y() + NotsLayout.BOX_H / 2;
        double x2 = b.x();
        double y2 = b.y() + NotsLayout.BOX_H / 2 + (target ? 6 : 0);
        Line l = new Line(x1, y1, x2 - 2, y2);
        l.getStyleClass().add("nots-edge");
        if (target) {
            l.getStyleClass().add("nots-edge-target");
        }
        double ang = Math.atan2(y2 - y1, x2 - x1);
        double s = 8;
        Polygon head = new Polygon(x2, y2,
                x2 - s * Math.cos(ang - 0.4), y2 - s * Math.sin(ang - 0.4),
                x2 - s * Math.cos(ang + 0.4), y2 - s * Math.sin(ang + 0.4));
        head.getStyleClass().add(target ? "nots-arrow-target" : "nots-arrow");
        canvas.getChildren().addAll(l, head);
    }

    Pane root() {
        return canvas;
    }
}
