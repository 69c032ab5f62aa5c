package io.hypercast.ui.nots;

import io.hypercast.engine.Nots;
import io.hypercast.engine.models.HyperparameterSpec;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Deployment;
import io.hypercast.model.Edge;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.model.Project;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A project's NoTS page: its nodes and edges, whether it is frozen and why, the selected node, and
 * the edits (add a node with its inputs, set a model's hyperparameters, delete a node). Store reads
 * and edits run in the background; the engine's refusals are shown with their message.
 */
public final class NotsViewModel {
    /** Something that can feed a node: a node's output port ("" for single-output nodes). */
    public record InputRef(UUID node, String port, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A hyperparameter line of the inspector: the value set (empty: the default), the default, what it does. */
    public record ParamRow(HyperparameterSpec spec, String value) {
    }

    private final AppContext app;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final ObservableList<Node> nodes = FXCollections.observableArrayList();
    private final ObservableList<Edge> edges = FXCollections.observableArrayList();
    private final StringProperty frozenReason = new SimpleStringProperty("");
    private final ObjectProperty<Node> selected = new SimpleObjectProperty<>();

    private record Snapshot(Project project, List<Node> nodes, List<Edge> edges, List<Deployment> deployments) {
    }

    public NotsViewModel(AppContext app) {
        this.app = app;
    }

    public void show(UUID projectId, Runnable then) {
        app.tasks().submit(() -> new Snapshot(app.engine().projects().get(projectId), app.engine().nots().nodes(projectId),
                app.engine().nots().edges(projectId), app.engine().projects().deployments(projectId)), s -> {
            UUID keep = selected.get() == null ? null : selected.get().id();
            project.set(s.project());
            edges.setAll(s.edges()); // before the nodes: the graph redraws when they change
            nodes.setAll(s.nodes());
            frozenReason.set(reason(s.deployments()));
            selected.set(s.nodes().stream().filter(n -> n.id().equals(keep)).findFirst().orElse(null));
            if (then != null) {
                then.run();
            }
        }, t -> app.dialogs().error("NoTS", AppContext.message(t)));
    }

    /** One line: why the project is frozen and what to do, or empty. */
    static String reason(List<Deployment> ds) {
        if (ds.isEmpty()) {
            return "";
        }
        Optional<Deployment> active = ds.stream().filter(Deployment::active).findFirst();
        if (active.isPresent()) {
            return "Frozen: deployed as '" + active.get().title() + "'. Copy the project to change its network.";
        }
        String r = ds.get(0).reason();
        String run = r.contains("(") && r.contains(")") ? r.substring(r.indexOf('(') + 1, r.lastIndexOf(')')) : ds.get(0).title();
        return "Frozen by its first run (" + run + "). Copy the project to change its network.";
    }

    public void refresh() {
        if (project.get() != null) {
            show(project.get().id(), null);
        }
    }

    public boolean frozen() {
        return !frozenReason.get().isEmpty();
    }

    public Optional<Node> node(UUID id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** What may feed a new node: source columns, calendar features, and every other node's single output. */
    public List<InputRef> inputChoices() {
        List<InputRef> out = new ArrayList<>();
        for (Node n : nodes) {
            if (NodeTypes.CSV_OBSERVATIONS.equals(n.type())) {
                Object cols = n.settings().get("columns");
                if (cols instanceof List<?> l) {
                    l.forEach(c -> out.add(new InputRef(n.id(), c.toString(), n.name() + " : " + c)));
                }
            } else if (NodeTypes.TIME_TRENDS.equals(n.type())) {
                NodeTemplates.TRENDS.forEach(t -> out.add(new InputRef(n.id(), t, n.name() + " : " + t)));
            } else if (n.kind() != NodeKind.MODEL) {
                out.add(new InputRef(n.id(), "", n.name()));
            }
        }
        return out;
    }

    /** The time series a model can read (features and target). */
    public List<Node> timeSeries() {
        return nodes.stream().filter(n -> n.kind() == NodeKind.TIME_SERIES).toList();
    }

    /** What feeds a node, as "features: load_lag_24h". */
    public List<String> inputsOf(Node n) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.toNode().equals(n.id())) {
                String from = node(e.fromNode()).map(Node::name).orElse("?");
                out.add((e.toPort().isEmpty() ? "" : e.toPort() + ": ") + from + (e.fromPort().isEmpty() ? "" : " : " + e.fromPort()));
            }
        }
        return out;
    }

    /** A model's hyperparameters in the kind's order, with the value the user set (empty: the default). */
    public static List<ParamRow> params(Node model) {
        Map<String, Object> set = Nots.parameters(model);
        return ModelKinds.get(model.type()).hyperparameters().stream()
                .map(h -> new ParamRow(h, set.containsKey(h.name()) ? Formats.value(set.get(h.name())) : "")).toList();
    }

    /** Typed hyperparameter values as the engine takes them; blanks are left out (the default applies). */
    public static Map<String, Object> parseParams(String type, Map<String, String> typed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (HyperparameterSpec h : ModelKinds.get(type).hyperparameters()) {
            String v = typed.getOrDefault(h.name(), "").strip();
            if (v.isEmpty()) {
                continue;
            }
            try {
                out.put(h.name(), switch (h.type()) {
                    case INT -> Long.parseLong(v);
                    case DOUBLE -> Double.parseDouble(v);
                    case BOOLEAN -> {
                        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                            throw new NumberFormatException();
                        }
                        yield Boolean.parseBoolean(v);
                    }
                    case STRING -> v;
                });
            } catch (NumberFormatException e) {
                throw new InvalidInputException(h.name(), h.name() + " must be " + h.rule() + ", got '" + v + "'");
            }
        }
        return out;
    }

    /**
     * Adds a node. {@code input} feeds an operation or a time series; a model reads {@code features}
     * and {@code target} and takes {@code typedParams}. Refusals come back as an error dialog.
     */
    public void add(String type, String name, Map<String, String> typedSettings, InputRef input, List<Node> features, Node target,
                    Map<String, String> typedParams, Runnable done) {
        UUID projectId = project.get().id();
        Map<String, Object> settings;
        List<Nots.Input> inputs = new ArrayList<>();
        try {
            if (NodeTypes.LIGHTGBM.equals(type)) {
                settings = new LinkedHashMap<>(Map.of("parameters", parseParams(type, typedParams)));
                features.forEach(f -> inputs.add(new Nots.Input(f.id(), "", NodeTypes.FEATURES)));
                if (target != null) {
                    inputs.add(new Nots.Input(target.id(), "", NodeTypes.TARGETS));
                }
            } else {
                settings = NodeTemplates.settings(NodeTemplates.of(type), typedSettings);
                if (input != null) {
                    inputs.add(new Nots.Input(input.node(), input.port(), ""));
                }
            }
        } catch (InvalidInputException e) {
            app.dialogs().error("Add node refused", e.getMessage());
            return;
        }
        app.tasks().submit(() -> app.engine().nots().addNode(projectId, name, type, settings, inputs), n -> show(projectId, () -> {
            node(n.id()).ifPresent(selected::set);
            if (done != null) {
                done.run();
            }
        }), t -> app.dialogs().error("Add node refused", AppContext.message(t)));
    }

    /** Sets a model's hyperparameters (typed; blank leaves a value as it is). */
    public void setParameters(Node model, Map<String, String> typed) {
        Map<String, Object> values;
        try {
            values = parseParams(model.type(), typed);
        } catch (InvalidInputException e) {
            app.dialogs().error("Parameters refused", e.getMessage());
            return;
        }
        UUID projectId = project.get().id();
        app.tasks().submit(() -> app.engine().nots().setModelParameters(projectId, model.id(), values),
                () -> show(projectId, () -> app.dialogs().notify("Saved", "Hyperparameters of '" + model.name() + "' saved.")),
                t -> app.dialogs().error("Parameters refused", AppContext.message(t)));
    }

    public void delete(Node n) {
        if (n == null || !app.dialogs().confirm("Delete node", "Delete '" + n.name() + "' (" + n.type() + ")?", "Delete")) {
            return;
        }
        UUID projectId = project.get().id();
        app.tasks().submit(() -> app.engine().nots().deleteNode(projectId, n.id()), () -> {
            selected.set(null);
            show(projectId, null);
        }, t -> app.dialogs().error("Delete refused", AppContext.message(t)));
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public ObservableList<Node> nodes() {
        return nodes;
    }

    public ObservableList<Edge> edges() {
        return edges;
    }

    public StringProperty frozenReasonProperty() {
        return frozenReason;
    }

    public ObjectProperty<Node> selectedProperty() {
        return selected;
    }
}
