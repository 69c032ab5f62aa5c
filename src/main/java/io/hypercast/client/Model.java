package io.hypercast.client;

import io.hypercast.engine.Nots;
import io.hypercast.model.Node;
import java.util.Map;
import java.util.UUID;

/** A model node of a project. */
public final class Model {
    private final Project project;
    private final Node node;

    Model(Project project, Node node) {
        this.project = project;
        this.node = node;
    }

    public static Model get(Project project, UUID uuid) {
        return get(project, uuid.toString());
    }

    /** A model by uuid or by name. */
    public static Model get(Project project, String uuidOrName) {
        return new Model(project, Hypercast.engine().nots().model(project.uuid(), uuidOrName));
    }

    public Project project() {
        return project;
    }

    public UUID uuid() {
        return node.id();
    }

    public String name() {
        return node.name();
    }

    /** The hyperparameters set on the model (the kind's defaults fill the rest). */
    public Map<String, Object> parameters() {
        return Nots.parameters(node);
    }

    @Override
    public String toString() {
        return "Model(" + node.id() + ", " + node.name() + ")";
    }
}
