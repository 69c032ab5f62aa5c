package io.hypercast.ui.experiments;

import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.model.Project;
import io.hypercast.ui.common.AppContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Experiment page of a project: its Backtests and HPO tables and the row actions (run,
 * cancel, duplicate as draft, delete). Reads the store in the background; live progress of runs
 * of this window comes from the run tracker.
 */
public final class ExperimentPageViewModel {
    private final AppContext app;
    private final ObservableList<ExperimentRow> backtests = FXCollections.observableArrayList();
    private final ObservableList<ExperimentRow> hpos = FXCollections.observableArrayList();
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final StringProperty frozenNote = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private boolean reloadAgain;

    private record Snapshot(Project project, List<Experiment> backtests, List<Experiment> hpos, Map<UUID, String> models,
                            Map<UUID, TrialRepository.Summary> summaries, boolean frozen) {
    }

    public ExperimentPageViewModel(AppContext app) {
        this.app = app;
        app.runs().onProgress(this::apply);
    }

    public ObservableList<ExperimentRow> backtests() {
        return backtests;
    }

    public ObservableList<ExperimentRow> hpos() {
        return hpos;
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public StringProperty frozenNoteProperty() {
        return frozenNote;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Shows another project (clears the tables at once, then loads). */
    public void show(UUID projectId) {
        if (project.get() == null || !project.get().id().equals(projectId)) {
            backtests.clear();
            hpos.clear();
        }
        load(projectId);
    }

    /** Reloads the current project. */
    public void refresh() {
        if (project.get() != null) {
            load(project.get().id());
        }
    }

    /** Reloads while a run is active (runs of other processes have no live events here). */
    public void tick() {
        boolean active = hpos.stream().anyMatch(r -> r.stateProperty().get() != null && r.stateProperty().get().isActive())
                || backtests.stream().anyMatch(r -> r.stateProperty().get() != null && r.stateProperty().get().isActive());
        if (active && !loading.get()) {
            refresh();
        }
    }

    private void load(UUID projectId) {
        if (loading.get()) {
            reloadAgain = true;
            return;
        }
        loading.set(true);
        app.tasks().submit(() -> read(projectId), s -> {
            loading.set(false);
            project.set(s.project());
            merge(backtests, s.backtests(), s);
            merge(hpos, s.hpos(), s);
            frozenNote.set(s.frozen() ? "NoTS frozen: it has been run (or deployed). Copy the project to change its network." : "");
            if (reloadAgain) {
                reloadAgain = false;
                refresh();
            }
        }, t -> {
            loading.set(false);
            reloadAgain = false;
            app.dialogs().error("Experiments", AppContext.message(t));
        });
    }

    private Snapshot read(UUID projectId) {
        var engine = app.engine();
        Project p = engine.projects().get(projectId);
        Map<UUID, String> models = new HashMap<>();
        for (Node n : engine.nots().nodes(projectId)) {
            if (n.kind() == NodeKind.MODEL) {
                models.put(n.id(), n.name());
            }
        }
        return new Snapshot(p, engine.experiments().list(projectId, ExperimentKind.BACKTEST),
                engine.experiments().list(projectId, ExperimentKind.HPO), models, engine.experiments().summaries(projectId),
                engine.projects().frozen(projectId));
    }

    private void merge(ObservableList<ExperimentRow> rows, List<Experiment> list, Snapshot s) {
        Map<UUID, ExperimentRow> old = new HashMap<>();
        rows.forEach(r -> old.put(r.id(), r));
        List<ExperimentRow> next = list.stream().map(e -> {
            ExperimentRow r = old.getOrDefault(e.id(), new ExperimentRow(e));
            r.update(e, s.models().getOrDefault(e.modelId(), "?"), s.summaries().get(e.id()));
            RunProgress live = app.runs().isTracked(e.id()) ? app.runs().live(e.id()).progress() : null;
            if (live != null && e.state().isActive()) {
                r.apply(live); // the store lags the live events by up to a trial
            }
            return r;
        }).toList();
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    private void apply(RunProgress p) {
        for (ExperimentRow r : hpos) {
            if (r.id().equals(p.experimentId())) {
                r.apply(p);
            }
        }
        for (ExperimentRow r : backtests) {
            if (r.id().equals(p.experimentId())) {
                r.apply(p);
            }
        }
        if (p.trial() == null && !p.state().isActive()) {
            refresh(); // a run ended: its final metrics come from the store
        }
    }

    public void run(ExperimentRow row) {
        if (row == null) {
            return;
        }
        app.runs().start(row.id(), this::refresh, t -> {
            app.dialogs().error("Run refused", AppContext.message(t));
            refresh();
        });
    }

    public void cancel(ExperimentRow row) {
        if (row == null) {
            return;
        }
        app.runs().cancel(row.id(), this::refresh, t -> app.dialogs().error("Cancel", AppContext.message(t)));
    }

    public void duplicate(ExperimentRow row) {
        if (row == null) {
            return;
        }
        app.tasks().submit(() -> app.engine().experiments().duplicate(row.id()), e -> refresh(),
                t -> app.dialogs().error("Duplicate", AppContext.message(t)));
    }

    public void delete(ExperimentRow row) {
        if (row == null) {
            return;
        }
        String what = row.experiment() != null && row.experiment().kind() == ExperimentKind.HPO ? "HPO" : "backtest";
        if (!app.dialogs().confirm("Delete " + what, "Delete the " + what + " '" + row.titleProperty().get()
                + "' and its trials? The project, its data and other experiments are kept.", "Delete")) {
            return;
        }
        app.tasks().submit(() -> app.engine().experiments().delete(row.id()), this::refresh,
                t -> app.dialogs().error("Delete", AppContext.message(t)));
    }

    /** Which actions make sense for a row in this state. */
    public static boolean canRun(ExperimentRow r) {
        return r != null && r.stateProperty().get() == HpoState.DRAFT;
    }

    public static boolean canCancel(ExperimentRow r) {
        return r != null && r.stateProperty().get() != null && r.stateProperty().get().isActive();
    }
}
