package io.hypercast.ui.hpo;

import io.hypercast.engine.cluster.ClusterSubmitter;
import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.runs.LiveRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The trials of a run and its progress, for the live trials table: loaded from the store, then
 * kept current by the run tracker's coalesced events (a run of this window) or by polling the store
 * (a run of another process). Rows are updated in place.
 */
public final class TrialsViewModel {
    private final AppContext app;
    private final ObservableList<TrialRow> rows = FXCollections.observableArrayList();
    private final Map<Integer, TrialRow> byNumber = new HashMap<>();
    private final ObservableList<String> parameters = FXCollections.observableArrayList();
    private final ObjectProperty<HpoState> state = new SimpleObjectProperty<>();
    private final IntegerProperty completed = new SimpleIntegerProperty();
    private final IntegerProperty planned = new SimpleIntegerProperty();
    private final ObjectProperty<Double> best = new SimpleObjectProperty<>();
    private final StringProperty progressText = new SimpleStringProperty("0 / 0");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty cluster = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private UUID experimentId;
    private LiveRun live;
    private final javafx.beans.value.ChangeListener<RunProgress> liveProgress = (o, a, p) -> {
        if (p != null && p.experimentId().equals(experimentId)) {
            apply(p);
        }
    };
    private final MapChangeListener<Integer, Trial> liveTrials = c -> {
        if (c.wasAdded()) {
            put(c.getValueAdded());
        }
    };
    private boolean loading;
    private boolean loadAgain;

    /** One trial's line; {@code trial} is replaced as the trial moves on. */
    public static final class TrialRow {
        private final int number;
        private final ObjectProperty<Trial> trial = new SimpleObjectProperty<>();

        TrialRow(Trial t) {
            this.number = t.number();
            trial.set(t);
        }

        public int number() {
            return number;
        }

        public ObjectProperty<Trial> trialProperty() {
            return trial;
        }
    }

    private record Loaded(Experiment experiment, List<Trial> trials) {
    }

    public TrialsViewModel(AppContext app) {
        this.app = app;
    }

    /** Shows an experiment's trials and follows its run. */
    public void show(Experiment e) {
        experimentId = e.id();
        rows.clear();
        byNumber.clear();
        List<String> ps = e.hpo() == null ? List.of() : new ArrayList<>(e.hpo().searchSpace().parameters().keySet());
        if (!parameters.equals(ps)) {
            parameters.setAll(ps); // the same again (the run of the HPO on screen): its table keeps its columns and cells
        }
        planned.set(e.plannedTrials());
        state.set(e.state());
        if (live != null) {
            live.trials().removeListener(liveTrials);
            live.progressProperty().removeListener(liveProgress); // shown again (its run started): one listener, not two
        }
        live = app.runs().live(e.id());
        live.trials().addListener(liveTrials);
        notice.bind(live.noticeProperty());
        clusterLoad();
        live.progressProperty().addListener(liveProgress);
        reload();
    }

    /** Stops following the run (the page is closed): the run's live state outlives the page. */
    public void dispose() {
        if (live != null) {
            live.trials().removeListener(liveTrials);
            live.progressProperty().removeListener(liveProgress);
            notice.unbind();
            live = null;
        }
    }

    /** Reads the trials from the store; live events that arrive meanwhile are newer and win. */
    public void reload() {
        UUID id = experimentId;
        if (id == null) {
            return;
        }
        if (loading) {
            loadAgain = true; // the run may have moved on since that read started
            return;
        }
        loading = true;
        app.tasks().submit(() -> new Loaded(app.engine().experiments().get(id), app.engine().experiments().trials(id)), l -> {
            loading = false;
            if (!id.equals(experimentId)) {
                return;
            }
            boolean liveRun = app.runs().isTracked(id) && live.progress() != null && live.progress().state().isActive();
            for (Trial t : l.trials()) {
                TrialRow r = byNumber.get(t.number());
                if (r == null || !liveRun || !r.trial.get().state().isTerminal()) {
                    put(t);
                }
            }
            live.trials().values().forEach(this::put);
            if (!liveRun) {
                state.set(l.experiment().state());
                error.set(l.experiment().error() == null ? "" : l.experiment().error());
            }
            recount();
            if (loadAgain) {
                loadAgain = false;
                reload();
            }
        }, t -> {
            loading = false;
            loadAgain = false;
            app.dialogs().error("Trials", AppContext.message(t));
        });
    }

    /** Polls the store while the run is active but not followed live (it runs in another process). */
    public void tick() {
        clusterLoad();
        HpoState s = state.get();
        if (experimentId != null && s != null && s.isActive() && !app.runs().isTracked(experimentId)) {
            reload();
        }
    }

    /**
     * The cluster this window sends trials to, one line: each member, its trials running (this
     * window's) out of its slots, and those it completed; refused members are named as such. Empty
     * outside a cluster. Reads Hazelcast's member list, which it keeps in memory: cheap on the FX thread.
     */
    void clusterLoad() {
        ClusterSubmitter c = app.engine().cluster();
        if (c == null) {
            cluster.set("");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (ClusterSubmitter.MemberView m : c.members()) {
            if (!m.role().equals("worker")) {
                continue;
            }
            parts.add(m.accepted() ? m.address() + " " + m.running() + "/" + m.threads() + " running, " + m.completed() + " done"
                    : m.address() + " refused (no proof of the secret)");
        }
        cluster.set("Cluster '" + c.options().name() + "': " + (parts.isEmpty() ? "no worker (trials run here)" : String.join(" · ", parts)));
    }

    private void apply(RunProgress p) {
        state.set(p.state());
        completed.set(p.completed());
        planned.set(p.planned());
        best.set(p.bestObjective());
        progressText.set(p.completed() + " / " + p.planned());
        if (!p.state().isActive() && p.trial() == null) {
            reload(); // the run ended: read its final state and error
        }
    }

    private void put(Trial t) {
        TrialRow r = byNumber.get(t.number());
        if (r == null) {
            r = new TrialRow(t);
            byNumber.put(t.number(), r);
            int at = 0;
            while (at < rows.size() && rows.get(at).number() < t.number()) {
                at++;
            }
            rows.add(at, r);
        } else {
            r.trial.set(t);
        }
    }

    private void recount() {
        int done = (int) rows.stream().filter(r -> r.trial.get().state() == TrialState.COMPLETED).count();
        completed.set(done);
        best.set(rows.stream().map(r -> r.trial.get()).filter(t -> t.state() == TrialState.COMPLETED && t.objective() != null)
                .map(Trial::objective).min(Double::compare).orElse(null));
        progressText.set(done + " / " + planned.get());
    }

    public void cancel() {
        if (experimentId != null) {
            app.runs().cancel(experimentId, this::reload, t -> app.dialogs().error("Cancel", AppContext.message(t)));
        }
    }

    public ObservableList<TrialRow> rows() {
        return rows;
    }

    public ObservableList<String> parameters() {
        return parameters;
    }

    public ObjectProperty<HpoState> stateProperty() {
        return state;
    }

    public IntegerProperty completedProperty() {
        return completed;
    }

    public IntegerProperty plannedProperty() {
        return planned;
    }

    public ObjectProperty<Double> bestProperty() {
        return best;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** The cluster's members and their load, or "" when trials run in this process. */
    public StringProperty clusterProperty() {
        return cluster;
    }

    /** The run's latest notice about where its trials go, or "". */
    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public UUID experimentId() {
        return experimentId;
    }
}
