package io.hypercast.client;

import java.util.List;
import java.util.UUID;

/** A project of the connected store. */
public final class Project {
    private final io.hypercast.model.Project project;

    Project(io.hypercast.model.Project project) {
        this.project = project;
    }

    public static Project get(UUID uuid) {
        return new Project(Hypercast.engine().projects().get(uuid));
    }

    public static Project get(String uuid) {
        return get(UUID.fromString(uuid));
    }

    public static Project create(String title) {
        return new Project(Hypercast.engine().projects().create(title, ""));
    }

    public static List<Project> list() {
        return Hypercast.engine().projects().list().stream().map(Project::new).toList();
    }

    public UUID uuid() {
        return project.id();
    }

    public String title() {
        return project.title();
    }

    /** Whether running an HPO or a backtest has frozen this project's NoTS. */
    public boolean frozen() {
        return Hypercast.engine().projects().frozen(project.id());
    }

    @Override
    public String toString() {
        return "Project(" + project.id() + ", " + project.title() + ")";
    }
}
