package io.hypercast.ui.hpo;

import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.model.HpoState;
import io.hypercast.ui.runs.LiveRun;
import javafx.beans.value.ChangeListener;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Cells;
import io.hypercast.ui.common.Navigator;
import io.hypercast.ui.nots.CopyWithParameters;
import io.hypercast.ui.results.ChartsView;
import io.hypercast.ui.results.ResultView;
import io.hypercast.ui.results.ResultViewModel;
import java.util.UUID;
import javafx.animation.KeyFrame;
import javafx.application.Platform;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * An HPO's (or backtest's) page: a header with Save Draft and Run, and tabs for the definition
 * (the form), the live trials, a trial's result and the charts. A draft shows only its definition.
 */
public final class HpoPageView {
    private final AppContext app;
    private final Navigator nav;
    private final HpoDetailViewModel form;
    private final TrialsViewModel trials;
    private final ResultViewModel result;
    private final ChartsView charts;
    private final VBox root = new VBox(12);
    private final TabPane tabs = new TabPane();
    private final Tab definitionTab = new Tab("Definition");
    private final Tab trialsTab = new Tab("Trials");
    private final Tab resultTab = new Tab("Result");
    private final Tab chartsTab = new Tab("Charts");
    private final Timeline poll;
    private Integer shownTrial;
    private boolean followed;
    private boolean trialsPrepared;
    private TrialsView trialsView;
    private volatile boolean prepared;
    private boolean awaitingEnd;
    private LiveRun liveRun;
    // a run started elsewhere in the window (the Experiment page's Run) moves this page on too
    private final ChangeListener<RunProgress> liveState = (o, a, p) -> followLive(p);

    public HpoPageView(AppContext app, Navigator nav) {
        this.app = app;
        this.nav = nav;
        this.form = new HpoDetailViewModel(app);
        this.trials = new TrialsViewModel(app);
        this.result = new ResultViewModel(app);
        this.charts = new ChartsView(app, n -> nav.showTrial(form.experimentIdProperty().get(), n));
        createView();
        trials.stateProperty().addListener((o, a, s) -> {
            if (s != null && s != HpoState.DRAFT) {
                form.applyState(s);
            }
            if (a != null && a.isActive()) {
                awaitingEnd = true; // a run seen going on this page
            }
            endedHere();
        });
        form.experimentIdProperty().addListener((o, a, id) -> {
            if (liveRun != null) {
                liveRun.progressProperty().removeListener(liveState);
            }
            liveRun = id == null ? null : app.runs().live(id);
            if (liveRun != null) {
                liveRun.progressProperty().addListener(liveState);
            }
            if (id != null) {
                Platform.runLater(() -> tabsFor(form.stateProperty().get())); // once the form has shown it
            }
        });
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> trials.tick()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void createView() {
        root.getStyleClass().add("page");
        root.setPadding(new Insets(14, 22, 14, 22));
        Hyperlink back = new Hyperlink("← Experiments");
        back.setId("backToExperiments");
        back.setOnAction(e -> {
            if (form.projectIdProperty().get() != null) {
                nav.showExperiments(form.projectIdProperty().get());
            }
        });
        Label kind = new Label();
        kind.getStyleClass().add("page-subtitle");
        kind.textProperty().bind(Bindings.when(form.hpoProperty()).then("HPO").otherwise("Backtest"));
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(form.headingProperty());
        Label state = new Label();
        state.setId("detailState");
        form.stateProperty().addListener((o, a, s) -> chip(state, s));
        chip(state, form.stateProperty().get());
        HBox titleLine = new HBox(10, title, state);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        VBox titles = new VBox(2, back, kind, titleLine);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button duplicate = new Button("Duplicate as draft");
        duplicate.setId("duplicateButton");
        duplicate.setOnAction(e -> form.duplicate(copy -> nav.showExperiment(copy.id())));
        duplicate.disableProperty().bind(form.experimentIdProperty().isNull());
        Button save = new Button("Save Draft");
        save.setId("saveDraft");
        save.setOnAction(e -> form.save(saved -> afterSave()));
        save.disableProperty().bind(form.editableProperty().not().or(form.busyProperty()));
        Button run = new Button();
        run.setId("runButton");
        run.textProperty().bind(Bindings.when(form.hpoProperty()).then("Run HPO").otherwise("Run Backtest"));
        run.getStyleClass().add("accent");
        run.setOnAction(e -> form.saveAndRun(this::afterRun));
        run.disableProperty().bind(form.editableProperty().not().or(form.busyProperty()).or(form.validProperty().not()));
        HBox header = new HBox(8, titles, grow, duplicate, save, run);
        header.setAlignment(Pos.BOTTOM_LEFT);

        HpoFormView formView = new HpoFormView(form);
        definitionTab.setContent(formView.root());
        // the form leaves the scene while another tab is shown: turning its 40-odd fields read-only
        // when Run is pressed would otherwise restyle and lay them out (200-300 ms of the FX thread on
        // a busy 2-core machine) just as the trials start; they are styled when the tab comes back
        definitionTab.selectedProperty().addListener((o, a, selected) -> definitionTab.setContent(selected ? formView.root() : null));
        // each tab's content joins the scene when the tab is first shown: adding them all at once
        // (and styling them) would cost the FX thread a long pulse just as a run starts
        trialsView = new TrialsView(trials, nav);
        ResultView resultView = new ResultView(result, app);
        resultView.setOnCopy(n -> CopyWithParameters.run(app, experimentId(), n, copy -> nav.openProject(copy.id())));
        trialsTab.setContent(trialsView.root());
        lazy(resultTab, resultView.root());
        lazy(chartsTab, charts.root());
        for (Tab t : new Tab[] {definitionTab, trialsTab, resultTab, chartsTab}) {
            t.setClosable(false);
        }
        definitionTab.setId("definitionTab");
        trialsTab.setId("trialsTab");
        resultTab.setId("resultTab");
        chartsTab.setId("chartsTab");
        tabs.getTabs().addAll(definitionTab, trialsTab, resultTab, chartsTab);
        for (Tab t : new Tab[] {trialsTab, resultTab, chartsTab}) {
            t.disableProperty().bind(form.stateProperty().isEqualTo(HpoState.DRAFT)); // they come with a run
        }
        tabs.getStyleClass().add("page-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        chartsTab.setOnSelectionChanged(e -> {
            if (chartsTab.isSelected() && form.experimentIdProperty().get() != null) {
                charts.load(form.experimentIdProperty().get());
            }
        });
        form.hpoProperty().addListener((o, a, b) -> tabsFor(form.stateProperty().get()));
        form.stateProperty().addListener((o, a, b) -> tabsFor(b));
        root.getChildren().addAll(header, tabs);
    }

    private static void lazy(Tab tab, javafx.scene.Node content) {
        tab.selectedProperty().addListener((o, a, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
    }

    private void followLive(RunProgress p) {
        if (p != null && p.state() != HpoState.DRAFT && form.stateProperty().get() == HpoState.DRAFT) {
            form.applyState(p.state());
        }
    }

    private static void chip(Label l, HpoState s) {
        if (s == null) {
            return;
        }
        Label c = Cells.chip(s);
        l.setText(c.getText());
        l.getStyleClass().setAll(c.getStyleClass());
    }

    /** A draft's trials, result and charts tabs are disabled until it runs; a backtest has no charts tab. */
    private void tabsFor(HpoState s) {
        if (form.hpoProperty().get() != tabs.getTabs().contains(chartsTab)) {
            if (form.hpoProperty().get()) {
                tabs.getTabs().add(chartsTab);
            } else {
                tabs.getTabs().remove(chartsTab); // a backtest has one trial: no HPO charts
            }
        }
        if (!followed && form.experimentIdProperty().get() != null) {
            followed = true;
            follow();
        }
    }

    /**
     * Shows the experiment's trials (a draft's too: the table gets its columns, its skin and a
     * screenful of cells while the page opens, so that Run costs the FX thread nothing more than the
     * trials' own rows).
     */
    private void follow() {
        app.tasks().submit(() -> app.engine().experiments().get(form.experimentIdProperty().get()), e -> {
            trials.show(e);
            endedHere();
            if (!trialsPrepared) {
                trialsPrepared = true;
                Platform.runLater(() -> {
                    trialsView.prepare();
                    prepared = true;
                });
            }
        }, t -> app.dialogs().error("Trials", AppContext.message(t)));
    }

    private void afterSave() {
        app.dialogs().notify("Saved", "'" + form.title().get() + "' is saved as a draft.");
    }

    /** A run started or watched on this page has ended: show its best trial (once). */
    private void endedHere() {
        HpoState s = trials.stateProperty().get();
        if (awaitingEnd && s != null && s != HpoState.DRAFT && !s.isActive()) {
            awaitingEnd = false;
            showResult(null);
            if (chartsTab.isSelected()) {
                charts.load(form.experimentIdProperty().get()); // otherwise drawn when the tab is opened
            }
        }
    }

    private void afterRun() {
        awaitingEnd = true;
        if (followed) {
            follow(); // the run's trials (the draft's columns are kept when its search space did not change)
        }
        tabsFor(HpoState.PENDING);
        tabs.getSelectionModel().select(trialsTab);
    }

    /** Opens an existing experiment: a draft on its definition, a running one on its trials, a finished one on its best trial. */
    public void open(UUID id, Integer trial) {
        form.open(id, () -> {
            HpoState s = form.stateProperty().get();
            if (s == HpoState.DRAFT) {
                tabs.getSelectionModel().select(definitionTab);
            } else if (trial != null) {
                showResult(trial);
            } else if (s.isActive()) {
                tabs.getSelectionModel().select(trialsTab);
            } else {
                showResult(null);
            }
        });
    }

    /** A new draft in the project. */
    public void create(UUID projectId, boolean hpo) {
        form.openNew(projectId, hpo, null);
    }

    /** Shows trial {@code n}'s result (null: the best trial). */
    public void showResult(Integer n) {
        UUID id = form.experimentIdProperty().get();
        if (id == null) {
            return;
        }
        shownTrial = n;
        result.load(id, n, null);
        if (tabs.getTabs().contains(resultTab)) {
            tabs.getSelectionModel().select(resultTab);
        }
    }

    /** True once the page has shown its experiment and readied its trials table (tests and benchmarks wait for it). */
    public boolean prepared() {
        return prepared;
    }

    public UUID experimentId() {
        return form.experimentIdProperty().get();
    }

    public Integer shownTrial() {
        return shownTrial;
    }

    public HpoDetailViewModel form() {
        return form;
    }

    public TrialsViewModel trials() {
        return trials;
    }

    public ResultViewModel result() {
        return result;
    }

    public TabPane tabs() {
        return tabs;
    }

    public VBox root() {
        return root;
    }

    public void dispose() {
        poll.stop();
        trials.dispose();
        if (liveRun != null) {
            liveRun.progressProperty().removeListener(liveState);
        }
    }
}
