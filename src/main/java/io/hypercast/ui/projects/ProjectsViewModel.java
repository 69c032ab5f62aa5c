package io.hypercast.ui.projects;

import io.hypercast.model.Project;
import io.hypercast.ui.common.AppContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The projects list: load, create, rename, delete (with confirmation), and the selected project. */
public final class ProjectsViewModel {
    private final AppContext app;
    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final ObjectProperty<Project> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    public ProjectsViewModel(AppContext app) {
        this.app = app;
    }

    public ObservableList<Project> projects() {
        return projects;
    }

    public ObjectProperty<Project> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Reloads the list, then selects {@code select} (or keeps the selection). */
    public void load(UUID select, Runnable then) {
        app.tasks().submit(() -> app.engine().projects().list(), list -> {
            UUID keep = select != null ? select : selected.get() == null ? null : selected.get().id();
            List<Project> sorted = list.stream().sorted(Comparator.comparing(Project::createdAt)).toList();
            projects.setAll(sorted);
            Optional<Project> again = keep == null ? Optional.empty() : sorted.stream().filter(p -> p.id().equals(keep)).findFirst();
            selected.set(again.orElse(sorted.isEmpty() ? null : selected.get() == null ? null : sorted.get(0)));
            if (then != null) {
                then.run();
            }
        }, this::fail);
    }

    public void create() {
        app.dialogs().askText("New project", "Title:", "").ifPresent(title ->
                app.tasks().submit(() -> app.engine().projects().create(title, ""), p -> load(p.id(), null), this::fail));
    }

    public void rename(Project p) {
        if (p == null) {
            return;
        }
        app.dialogs().askText("Rename project", "New title:", p.title()).ifPresent(title ->
                app.tasks().submit(() -> app.engine().projects().rename(p.id(), title), () -> load(p.id(), null), this::fail));
    }

    public void delete(Project p, Consumer<Project> afterDelete) {
        if (p == null) {
            return;
        }
        boolean yes = app.dialogs().confirm("Delete project",
                "Delete project '" + p.title() + "' with its data, backtests and HPOs? This cannot be undone. Other projects are not touched.",
                "Delete");
        if (!yes) {
            return;
        }
        app.tasks().submit(() -> app.engine().projects().delete(p.id()), () -> {
            if (selected.get() != null && selected.get().id().equals(p.id())) {
                selected.set(null);
            }
            load(null, () -> {
                if (afterDelete != null) {
                    afterDelete.accept(p);
                }
            });
        }, this::fail);
    }

    private void fail(Throwable t) {
        app.dialogs().error("Projects", AppContext.message(t));
    }
}
