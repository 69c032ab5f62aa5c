package io.hypercast.ui.hpo;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Nots;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.ui.common.AppContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The HPO (or backtest) detail form: every field as typed, validated as it changes with the
 * engine's rules, and the commands Save Draft and Run HPO. A DRAFT is editable; a run one is
 * read-only (duplicate it to change it).
 */
public final class HpoDetailViewModel {
    private final AppContext app;
    private final BacktestForm backtest = new BacktestForm();
    private final SearchForm search = new SearchForm();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> warnings = FXCollections.observableHashMap();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<UUID> experimentId = new SimpleObjectProperty<>();
    private final ObjectProperty<UUID> projectId = new SimpleObjectProperty<>();
    private final ObjectProperty<HpoState> state = new SimpleObjectProperty<>(HpoState.DRAFT);
    private final BooleanProperty hpo = new SimpleBooleanProperty(true);
    private final BooleanProperty editable = new SimpleBooleanProperty(true);
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty heading = new SimpleStringProperty("");
    private final Map<String, Node> modelNodes = new LinkedHashMap<>();
    private boolean filling;

    public HpoDetailViewModel(AppContext app) {
        this.app = app;
        InvalidationListener changed = o -> {
            if (!filling) {
                dirty.set(true);
                validate();
            }
        };
        for (Observable o : backtest.observables()) {
            o.addListener(changed);
        }
        for (Observable o : search.observables()) {
            o.addListener(changed);
        }
        hpo.addListener(changed);
    }

    // ------------------------------------------------------------------ loading

    private record Loaded(UUID projectId, List<Node> models, Experiment experiment, Experiment template) {
    }

    /** A new draft in the project, its timings copied from the project's latest experiment (or sensible defaults). */
    public void openNew(UUID project, boolean isHpo, Runnable then) {
        busy.set(true);
        app.tasks().submit(() -> {
            List<Node> ms = modelsOf(project);
            Experiment latest = java.util.stream.Stream.concat(
                            app.engine().experiments().list(project, ExperimentKind.HPO).stream(),
                            app.engine().experiments().list(project, ExperimentKind.BACKTEST).stream())
                    .max(Comparator.comparing(Experiment::createdAt)).orElse(null);
            return new Loaded(project, ms, null, latest);
        }, l -> {
            fill(l, isHpo);
            busy.set(false);
            if (then != null) {
                then.run();
            }
        }, this::failLoad);
    }

    /** An existing HPO or backtest. */
    public void open(UUID id, Runnable then) {
        busy.set(true);
        app.tasks().submit(() -> {
            Experiment e = app.engine().experiments().get(id);
            return new Loaded(e.projectId(), modelsOf(e.projectId()), e, null);
        }, l -> {
            fill(l, l.experiment().kind() == ExperimentKind.HPO);
            busy.set(false);
            if (then != null) {
                then.run();
            }
        }, this::failLoad);
    }

    private List<Node> modelsOf(UUID project) {
        return app.engine().nots().nodes(project).stream().filter(n -> n.kind() == NodeKind.MODEL).toList();
    }

    private void fill(Loaded l, boolean isHpo) {
        filling = true;
        try {
            projectId.set(l.projectId());
            modelNodes.clear();
            l.models().forEach(n -> modelNodes.put(n.name(), n));
            models.setAll(modelNodes.keySet());
            hpo.set(isHpo);
            Experiment e = l.experiment();
            if (e != null) {
                experimentId.set(e.id());
                state.set(e.state());
                String modelName = l.models().stream().filter(n -> n.id().equals(e.modelId())).map(Node::name).findFirst()
                        .orElse(e.backtest().model());
                backtest.load(e.backtest(), modelName);
                if (e.hpo() != null) {
                    search.load(e.hpo().searchSpace(), e.hpo().searchAlgorithm());
                }
            } else {
                experimentId.set(null);
                state.set(HpoState.DRAFT);
                defaults(l.template(), isHpo);
            }
            editable.set(state.get() == HpoState.DRAFT);
            heading.set(e != null ? e.title() : isHpo ? "New HPO" : "New backtest");
        } finally {
            filling = false;
        }
        dirty.set(false);
        validate();
    }

    private void defaults(Experiment template, boolean isHpo) {
        HpoSpec demo = Demo.spec();
        BacktestSpec timings = template != null ? template.backtest() : demo.backtest();
        String model = models.isEmpty() ? null : models.contains(timings.model()) ? timings.model() : models.get(0);
        backtest.load(timings.withTitle(isHpo ? "New HPO" : "New backtest"), model);
        backtest.description.set("");
        if (template == null) {
            // no experiment to copy from: a four-week test period ending this Monday
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            backtest.testStartDate.set(monday.minusWeeks(4));
            backtest.testEndDate.set(monday);
            backtest.testStartTime.set("00:00");
            backtest.testEndTime.set("00:00");
            backtest.testZone.set("UTC");
            backtest.fitZone.set("UTC");
            backtest.predictZone.set("UTC");
            if (Optional.ofNullable(modelNodes.get(model)).isPresent() && demo.backtest().model().equals(model)) {
                backtest.load(demo.backtest().withTitle(isHpo ? "New HPO" : "New backtest"), model); // the demo's data period
                backtest.description.set("");
            }
        }
        if (template != null && template.hpo() != null) {
            search.load(template.hpo().searchSpace(), template.hpo().searchAlgorithm());
        } else {
            search.load(demo.searchSpace(), new io.hypercast.model.Hyperopt(10, 1));
        }
    }

    private void failLoad(Throwable t) {
        busy.set(false);
        app.dialogs().error("Cannot open", AppContext.message(t));
    }

    // ------------------------------------------------------------------ validation

    /** The model kind of the chosen model (LightGBM when none is chosen yet). */
    public ModelKind kind() {
        Node n = modelNodes.get(backtest.model.get());
        return ModelKinds.get(n == null ? "LightGBM" : n.type());
    }

    /** Checks every field; fills {@link #errors()} and {@link #warnings()}; returns the spec when valid. */
    public Object validate() {
        Problems p = new Problems();
        try {
            return validate(p);
        } catch (RuntimeException e) {
            // a rule the form does not know yet must not break typing: show it, block saving
            p.error("general", AppContext.message(e));
            sync(errors, p.errors);
            valid.set(false);
            return null;
        }
    }

    private Object validate(Problems p) {
        BacktestSpec bt = backtest.validate(p);
        if (backtest.model.get() != null && !modelNodes.isEmpty() && !modelNodes.containsKey(backtest.model.get())) {
            p.error("model", "the project has no model '" + backtest.model.get() + "'");
        }
        Object result = bt;
        if (hpo.get()) {
            Node n = modelNodes.get(backtest.model.get());
            search.updateNonOptimized(kind(), n == null ? Map.of() : Nots.parameters(n));
            SearchForm.Result r = search.validate(kind(), p);
            result = bt != null && r != null ? new HpoSpec(bt, r.space(), r.algorithm()) : null;
        }
        sync(errors, p.errors);
        sync(warnings, p.warnings);
        valid.set(p.errors.isEmpty() && result != null);
        return p.errors.isEmpty() ? result : null;
    }

    private static void sync(ObservableMap<String, String> target, Map<String, String> now) {
        target.keySet().removeIf(k -> !now.containsKey(k));
        now.forEach((k, v) -> {
            if (!v.equals(target.get(k))) {
                target.put(k, v);
            }
        });
    }

    // ------------------------------------------------------------------ commands

    /** Saves the draft (creates it the first time). {@code onSaved} runs on the FX thread with the saved experiment. */
    public void save(Consumer<Experiment> onSaved) {
        Object spec = validate();
        if (spec == null) {
            String first = errors.entrySet().stream().findFirst().map(e -> e.getKey() + ": " + e.getValue()).orElse("the form is incomplete");
            app.dialogs().error("Cannot save", "Fix the fields marked in red first (" + first + ").");
            return;
        }
        if (!editable.get()) {
            app.dialogs().error("Read-only", "This " + noun() + " has run, so it is read-only: duplicate it to change it.");
            return;
        }
        UUID id = experimentId.get();
        UUID project = projectId.get();
        busy.set(true);
        app.tasks().submit(() -> {
            var x = app.engine().experiments();
            if (spec instanceof HpoSpec h) {
                return id == null ? x.createHpo(project, h) : x.updateDraft(id, h, null);
            }
            BacktestSpec b = (BacktestSpec) spec;
            return id == null ? x.createBacktest(project, b) : x.updateDraft(id, null, b);
        }, saved -> {
            busy.set(false);
            experimentId.set(saved.id());
            state.set(saved.state());
            heading.set(saved.title());
            dirty.set(false);
            if (onSaved != null) {
                onSaved.accept(saved);
            }
        }, t -> {
            busy.set(false);
            refused("Cannot save", t);
        });
    }

    /** Saves, then starts the run in this process; a guardrail refusal shows its message and nothing starts. */
    public void saveAndRun(Runnable onStarted) {
        save(saved -> app.runs().start(saved.id(), () -> {
            state.set(HpoState.PENDING);
            editable.set(false);
            if (onStarted != null) {
                onStarted.run();
            }
        }, t -> refused("Run refused", t)));
    }

    private void refused(String title, Throwable t) {
        if (t instanceof LimitExceededException) {
            app.dialogs().error("Limit exceeded", t.getMessage());
        } else if (t instanceof InvalidInputException e) {
            errors.put(e.where().isEmpty() ? "general" : e.where(), Problems.bare(e));
            app.dialogs().error(title, e.getMessage());
        } else {
            app.dialogs().error(title, AppContext.message(t));
        }
    }

    /** A new draft with the same definition; {@code then} receives it. */
    public void duplicate(Consumer<Experiment> then) {
        UUID id = experimentId.get();
        if (id == null) {
            return;
        }
        app.tasks().submit(() -> app.engine().experiments().duplicate(id), then::accept,
                t -> app.dialogs().error("Duplicate", AppContext.message(t)));
    }

    /** Adds a search-space row for the first hyperparameter not yet in it. */
    public SearchSpaceRow addRow() {
        return search.addRow(kind());
    }

    public void removeRow(SearchSpaceRow r) {
        search.rows.remove(r);
    }

    /** Keeps the state in step with a live run of this experiment. */
    public void applyState(HpoState s) {
        state.set(s);
        editable.set(s == HpoState.DRAFT);
    }

    public String noun() {
        return hpo.get() ? "HPO" : "backtest";
    }

    // ------------------------------------------------------------------ properties

    public BacktestForm backtest() {
        return backtest;
    }

    public SearchForm search() {
        return search;
    }

    public ObservableList<SearchSpaceRow> rows() {
        return search.rows;
    }

    public ObservableList<String> nonOptimized() {
        return search.nonOptimized;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableMap<String, String> warnings() {
        return warnings;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObjectProperty<UUID> experimentIdProperty() {
        return experimentId;
    }

    public ObjectProperty<UUID> projectIdProperty() {
        return projectId;
    }

    public ObjectProperty<HpoState> stateProperty() {
        return state;
    }

    public BooleanProperty hpoProperty() {
        return hpo;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    // the form's fields, for the view to bind
    public StringProperty title() {
        return backtest.title;
    }

    public StringProperty description() {
        return backtest.description;
    }

    public StringProperty model() {
        return backtest.model;
    }

    public ObjectProperty<LocalDate> testStartDate() {
        return backtest.testStartDate;
    }

    public StringProperty testStartTime() {
        return backtest.testStartTime;
    }

    public ObjectProperty<LocalDate> testEndDate() {
        return backtest.testEndDate;
    }

    public StringProperty testEndTime() {
        return backtest.testEndTime;
    }

    public StringProperty testZone() {
        return backtest.testZone;
    }

    public StringProperty fitCron() {
        return backtest.fitCron;
    }

    public StringProperty fitZone() {
        return backtest.fitZone;
    }

    public StringProperty predictCron() {
        return backtest.predictCron;
    }

    public StringProperty predictZone() {
        return backtest.predictZone;
    }

    public StringProperty fitStart() {
        return backtest.fitStart;
    }

    public StringProperty fitEnd() {
        return backtest.fitEnd;
    }

    public StringProperty predictStart() {
        return backtest.predictStart;
    }

    public StringProperty predictEnd() {
        return backtest.predictEnd;
    }

    public StringProperty fitPreview() {
        return backtest.fitPreview;
    }

    public StringProperty predictPreview() {
        return backtest.predictPreview;
    }

    public StringProperty algorithm() {
        return search.algorithm;
    }

    public StringProperty numTrials() {
        return search.numTrials;
    }

    public StringProperty maxConcurrent() {
        return search.maxConcurrent;
    }

    public StringProperty nStartupJobs() {
        return search.nStartupJobs;
    }

    public StringProperty metric() {
        return search.metric;
    }

    public StringProperty seed() {
        return search.seed;
    }
}
