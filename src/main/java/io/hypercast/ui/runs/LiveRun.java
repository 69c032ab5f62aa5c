package io.hypercast.ui.runs;

import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.model.Trial;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What the window knows of one run started here: its latest progress and the latest state of each
 * trial. Changed only by {@link RunTracker#drain()}, on the FX thread; views observe it.
 */
public final class LiveRun {
    private final UUID experimentId;
    private final ObjectProperty<RunProgress> progress = new SimpleObjectProperty<>();
    private final ObservableMap<Integer, Trial> trials = FXCollections.observableHashMap();
    private final StringProperty notice = new SimpleStringProperty("");
    // one wrapper, kept: a wrapper's listeners hang on it weakly, so a fresh one per call could be
    // collected and silently drop its listeners
    private final ObservableMap<Integer, Trial> readOnlyTrials = FXCollections.unmodifiableObservableMap(trials);

    LiveRun(UUID experimentId) {
        this.experimentId = experimentId;
    }

    public UUID experimentId() {
        return experimentId;
    }

    public ReadOnlyObjectProperty<RunProgress> progressProperty() {
        return progress;
    }

    public RunProgress progress() {
        return progress.get();
    }

    /** Trial number to its latest state, as far as the last drain knows. */
    public ObservableMap<Integer, Trial> trials() {
        return readOnlyTrials;
    }

    /** The run's latest notice about where its trials go (e.g. none left on the cluster: running locally), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    void setNotice(String message) {
        notice.set(message == null ? "" : message);
    }

    void setProgress(RunProgress p) {
        progress.set(p);
    }

    void putTrial(Trial t) {
        trials.put(t.number(), t);
    }
}
