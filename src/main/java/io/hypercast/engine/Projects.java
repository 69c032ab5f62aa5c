package io.hypercast.engine;

import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.store.DeploymentRepository;
import io.hypercast.engine.store.NotsRepository;
import io.hypercast.engine.store.PolicyRepository;
import io.hypercast.model.Edge;
import io.hypercast.model.Experiment;
import io.hypercast.model.Node;
import io.hypercast.model.Policy;
import io.hypercast.model.Trial;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypercast.engine.store.ProjectRepository;
import io.hypercast.model.Deployment;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.NotFoundException;
import io.hypercast.model.Project;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects: create, find by uuid or title, rename, delete; and whether a project is frozen. */
public final class Projects {
    private final Engine engine;
    private final ProjectRepository repo = new ProjectRepository();
    private final DeploymentRepository deployments = new DeploymentRepository();

    Projects(Engine engine) {
        this.engine = engine;
    }

    public Project create(String title, String description) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "a project needs a title");
        }
        Project p = new Project(UUID.randomUUID(), title.strip(), description == null ? "" : description, engine.settings().profile(),
                engine.clock().instant(), false);
        engine.store().write(c -> {
            repo.insert(c, p);
            return null;
        });
        return p;
    }

    public List<Project> list() {
        return engine.store().read(repo::list);
    }

    public Project get(UUID id) {
        return engine.store().read(c -> repo.get(c, id)).orElseThrow(() -> new NotFoundException("project", "project", id.toString()));
    }

    /** A project by uuid or by exact title (refused when two projects share the title). */
    public Project resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("project", "name a project by uuid or title");
        }
        Optional<UUID> id = Ids.parse(ref);
        if (id.isPresent()) {
            Optional<Project> p = engine.store().read(c -> repo.get(c, id.get()));
            if (p.isPresent()) {
                return p.get();
            }
        }
        List<Project> byTitle = list().stream().filter(p -> p.title().equals(ref.strip())).toList();
        if (byTitle.size() > 1) {
            throw new InvalidInputException("project", "several projects are titled '" + ref + "'; name one by uuid");
        }
        return byTitle.stream().findFirst().orElseThrow(() -> new NotFoundException("project", "project", ref));
    }

    public void rename(UUID id, String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "a project needs a title");
        }
        get(id);
        engine.store().write(c -> {
            repo.rename(c, id, title.strip());
            return null;
        });
    }

    /** Deletes a project with everything in it; refused while one of its runs is active. */
    public void delete(UUID id) {
        Project p = get(id);
        if (engine.experiments().hasActiveRuns(id)) {
            throw new InvalidInputException("project", "project '" + p.title() + "' has a run in progress; cancel it first");
        }
        engine.store().write(c -> {
            repo.delete(c, id);
            return null;
        });
    }

    /**
     * Copies a project: a new, mutable, undeployed project with the same NoTS, data, hyperparameters
     * and policies, and none of the runs. {@code modelParameters}, when given, are set on the copy of
     * {@code model} (the "copy with these parameters" of an HPO result).
     */
    public Project copy(UUID sourceId, String title, UUID model, Map<String, Object> modelParameters) {
        Project src = get(sourceId);
        String t = title == null || title.isBlank() ? "Copy of " + src.title() : title.strip();
        Project copy = new Project(UUID.randomUUID(), t, src.description(), engine.settings().profile(), engine.clock().instant(), false);
        NotsRepository nots = new NotsRepository();
        PolicyRepository policies = new PolicyRepository();
        engine.store().write(c -> {
            repo.insert(c, copy);
            Map<UUID, UUID> ids = new HashMap<>();
            List<Node> nodes = nots.nodes(c, sourceId);
            for (Node n : nodes) {
                ids.put(n.id(), UUID.randomUUID());
            }
            for (Node n : nodes) {
                Map<String, Object> settings = new LinkedHashMap<>(n.settings());
                if (n.id().equals(model) && modelParameters != null) {
                    Map<String, Object> params = Nots.parameters(n);
                    params.putAll(modelParameters);
                    ModelKinds.get(n.type()).resolve(params, "parameters");
                    settings.put("parameters", params);
                }
                nots.insertNode(c, new Node(ids.get(n.id()), copy.id(), n.name(), n.kind(), n.type(), settings));
                for (String column : columns(n)) {
                    Optional<NotsRepository.StoredSeries> data = nots.series(c, n.id(), column);
                    if (data.isPresent()) {
                        nots.putSeries(c, ids.get(n.id()), column, data.get());
                    }
                }
            }
            for (Edge e : nots.edges(c, sourceId)) {
                nots.insertEdge(c, copy.id(), new Edge(ids.get(e.fromNode()), e.fromPort(), ids.get(e.toNode()), e.toPort(), e.position()));
            }
            for (Policy p : policies.forProject(c, sourceId)) {
                policies.insert(c, new Policy(UUID.randomUUID(), copy.id(), p.kind(), ids.get(p.modelId()), p.schedule(), p.startTiming(),
                        p.endTiming(), engine.clock().instant()));
            }
            return null;
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<String> columns(Node n) {
        Object cols = n.settings().get("columns");
        return cols instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** Copies the project of an HPO with trial {@code number}'s optimized parameter values set on its model. */
    public Project copyWithTrial(UUID hpoId, int number, String title) {
        Experiment e = engine.experiments().get(hpoId);
        Trial t = engine.experiments().trial(hpoId, number);
        Map<String, Object> params = new LinkedHashMap<>();
        t.parameters().forEach((k, v) -> {
            if (v != null) {
                params.put(k, v);
            }
        });
        return copy(e.projectId(), title, e.modelId(), params);
    }

    public List<Deployment> deployments(UUID projectId) {
        return engine.store().read(c -> deployments.forProject(c, projectId));
    }

    /** Whether a deployment (active or the inactive one a first run creates) freezes the NoTS. */
    public boolean frozen(UUID projectId) {
        return !deployments(projectId).isEmpty();
    }
}
