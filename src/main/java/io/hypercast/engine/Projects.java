package io.hypercast.engine;

import io.hypercast.engine.store.DeploymentRepository;
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

    public List<Deployment> deployments(UUID projectId) {
        return engine.store().read(c -> deployments.forProject(c, projectId));
    }

    /** Whether a deployment (active or the inactive one a first run creates) freezes the NoTS. */
    public boolean frozen(UUID projectId) {
        return !deployments(projectId).isEmpty();
    }
}
