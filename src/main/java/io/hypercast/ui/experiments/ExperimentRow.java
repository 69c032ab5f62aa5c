package io.hypercast.ui.experiments;

import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.model.Metrics;
import java.time.Instant;
import java.util.UUID;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the Backtests or HPO table. Updated in place (from the store, or from live run
 * progress), so a refresh does not rebuild the table or lose its selection.
 */
public final class ExperimentRow {
    private final UUID id;
    private Experiment experiment;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<HpoState> state = new SimpleObjectProperty<>();
    private final StringProperty creator = new SimpleStringProperty();
    private final ObjectProperty<Instant> created = new SimpleObjectProperty<>();
    private final IntegerProperty completed = new SimpleIntegerProperty();
    private final IntegerProperty planned = new SimpleIntegerProperty();
    private final ObjectProperty<Double> best = new SimpleObjectProperty<>();
    private final ObjectProperty<Metrics> metrics = new SimpleObjectProperty<>();

    public ExperimentRow(Experiment e) {
        this.id = e.id();
    }

    void update(Experiment e, String modelName, TrialRepository.Summary s) {
        this.experiment = e;
        title.set(e.title());
        model.set(modelName);
        state.set(e.state());
        creator.set(e.creator());
        created.set(e.createdAt());
        planned.set(e.plannedTrials());
        completed.set(s == null ? 0 : s.completed());
        best.set(s == null ? null : s.bestObjective());
        metrics.set(s == null ? null : s.bestMetrics());
    }

    /** Live progress from a run of this window: newer than the store until the next refresh. */
    void apply(RunProgress p) {
        state.set(p.state());
        completed.set(p.completed());
        planned.set(p.planned());
        if (p.bestObjective() != null) {
            best.set(p.bestObjective());
        }
    }

    public UUID id() {
        return id;
    }

    public Experiment experiment() {
        return experiment;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<HpoState> stateProperty() {
        return state;
    }

    public StringProperty creatorProperty() {
        return creator;
    }

    public ObjectProperty<Instant> createdProperty() {
        return created;
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

    public ObjectProperty<Metrics> metricsProperty() {
        return metrics;
    }

    /** "12 / 30": completed trials out of planned. */
    public String progressText() {
        return completed.get() + " / " + planned.get();
    }
}
