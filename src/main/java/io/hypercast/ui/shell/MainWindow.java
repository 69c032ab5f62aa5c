package io.hypercast.ui.shell;

import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.model.HpoState;
import io.hypercast.model.Project;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.Cells;
import io.hypercast.ui.common.Navigator;
import io.hypercast.ui.experiments.ExperimentPageView;
import io.hypercast.ui.experiments.ExperimentPageViewModel;
import io.hypercast.ui.experiments.ExperimentRow;
import io.hypercast.ui.hpo.HpoPageView;
import io.hypercast.ui.deployments.DeploymentsPageView;
import io.hypercast.ui.nots.NotsPageView;
import io.hypercast.ui.projects.ProjectsView;
import io.hypercast.ui.projects.ProjectsViewModel;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window's content: the projects sidebar and the current page (a project's Experiment page or
 * an experiment's page). Implements navigation, drains the run tracker five times a second, and
 * says when a run ends.
 */
public final class MainWindow implements Navigator {
    private final AppContext app;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ProjectsViewModel projects;
    private final ExperimentPageViewModel experimentsVm;
    private final ExperimentPageView experiments;
    private final Timeline drain;
    private HpoPageView page;
    private final NotsPageView nots;
    private final ToggleButton navExperiments = navButton("Experiments", "navExperiments");
    private final ToggleButton navNots = navButton("NoTS", "navNots");
    private final ToggleButton navDeployments = navButton("Deployments", "navDeployments");
    private final DeploymentsPageView deployments;
    private Consumer<UUID> onProjectShown = id -> { };

    public MainWindow(AppContext app) {
        this.app = app;
        this.projects = new ProjectsViewModel(app);
        this.experimentsVm = new ExperimentPageViewModel(app);
        this.experiments = new ExperimentPageView(experimentsVm, app, this);
        root.getStyleClass().add("app");
        root.setTop(topBar());
        ProjectsView sidebar = new ProjectsView(projects);
        sidebar.root().setPrefWidth(250);
        sidebar.root().setMinWidth(200);
        root.setLeft(sidebar.root());
        content.getStyleClass().add("content");
        this.nots = new NotsPageView(app);
        this.deployments = new DeploymentsPageView(app);
        root.setCenter(projectPages());
        Label empty = new Label("Create or choose a project on the left.");
        empty.getStyleClass().add("hint");
        content.getChildren().setAll(empty);
        projects.selectedProperty().addListener((o, a, p) -> {
            if (p != null && (a == null || !a.id().equals(p.id()))) {
                showExperiments(p.id());
            } else if (p == null) {
                content.getChildren().setAll(empty);
            }
        });
        // coalesced live progress: what arrived since the last pulse, five times a second
        drain = new Timeline(new KeyFrame(Duration.millis(200), e -> app.runs().drain()));
        drain.setCycleCount(Timeline.INDEFINITE);
        drain.play();
        app.runs().onRunEnd(this::runEnded);
    }

    /** The project's pages (Experiments, NoTS, Deployments) as a row of toggles above the content. */
    private VBox projectPages() {
        ToggleGroup g = new ToggleGroup();
        navExperiments.setToggleGroup(g);
        navNots.setToggleGroup(g);
        navExperiments.setOnAction(e -> withProject(this::showExperiments));
        navNots.setOnAction(e -> withProject(this::showNots));
        navDeployments.setToggleGroup(g);
        navDeployments.setOnAction(e -> withProject(this::showDeployments));
        HBox nav = new HBox(6, navExperiments, navNots, navDeployments);
        nav.getStyleClass().add("project-nav");
        nav.getStylesheets().add(NotsPageView.class.getResource(NotsPageView.STYLESHEET).toExternalForm());
        nav.visibleProperty().bind(projects.selectedProperty().isNotNull());
        nav.managedProperty().bind(nav.visibleProperty());
        VBox box = new VBox(nav, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static ToggleButton navButton(String text, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        return b;
    }

    private void withProject(Consumer<UUID> show) {
        Project p = projects.selectedProperty().get();
        if (p != null) {
            show.accept(p.id());
        }
    }

    private void leavePage() {
        if (page != null) {
            page.dispose();
            page = null;
        }
    }

    @Override
    public void showNots(UUID projectId) {
        leavePage();
        navNots.setSelected(true);
        content.getChildren().setAll(nots.root());
        nots.show(projectId);
    }

    @Override
    public void showDeployments(UUID projectId) {
        leavePage();
        navDeployments.setSelected(true);
        content.getChildren().setAll(deployments.root());
        deployments.show(projectId);
    }

    @Override
    public void openProject(UUID projectId) {
        projects.load(projectId, () -> showNots(projectId));
    }

    /** The NoTS page (for tests). */
    public NotsPageView notsPage() {
        return nots;
    }

    private HBox topBar() {
        Label brand = new Label("Hypercast");
        brand.getStyleClass().add("brand");
        Label tag = new Label("hyperparameter optimization for forecasting models");
        tag.getStyleClass().add("brand-tag");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label store = new Label(app.engine().settings().database().toAbsolutePath().toString() + "  ·  " + app.engine().settings().profile());
        store.getStyleClass().add("brand-tag");
        HBox bar = new HBox(10, brand, tag, grow, store);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /** Loads the projects and shows {@code projectId} (or the first project). */
    public void start(UUID projectId) {
        projects.load(projectId, () -> {
            if (projects.selectedProperty().get() == null && !projects.projects().isEmpty()) {
                projects.selectedProperty().set(projects.projects().get(0));
            }
        });
    }

    /** Told whenever a project's Experiment page is shown (the app remembers it as the last project). */
    public void setOnProjectShown(Consumer<UUID> l) {
        this.onProjectShown = l;
    }

    private void runEnded(RunProgress p) {
        String title = experimentsVm.hpos().stream().filter(r -> r.id().equals(p.experimentId())).map(r -> r.titleProperty().get())
                .findFirst().orElse(experimentsVm.backtests().stream().filter(r -> r.id().equals(p.experimentId()))
                        .map(ExperimentRow::titleProperty).map(s -> s.get()).findFirst().orElse("The run"));
        String state = Cells.label(p.state()).toLowerCase();
        app.dialogs().notify(p.state() == HpoState.SUCCESS ? "Run finished" : "Run ended",
                "'" + title + "' ended: " + state + ", " + p.completed() + " / " + p.planned() + " trials completed"
                        + (p.failed() > 0 ? ", " + p.failed() + " failed" : "") + ".");
        experimentsVm.refresh();
    }

    private void setPage(HpoPageView next) {
        if (page != null && page != next) {
            page.dispose();
        }
        page = next;
        navExperiments.setSelected(true);
        content.getChildren().setAll(next.root());
    }

    @Override
    public void showExperiments(UUID projectId) {
        leavePage();
        Project sel = projects.selectedProperty().get();
        if (sel == null || !sel.id().equals(projectId)) {
            projects.projects().stream().filter(p -> p.id().equals(projectId)).findFirst().ifPresent(p -> projects.selectedProperty().set(p));
        }
        navExperiments.setSelected(true);
        content.getChildren().setAll(experiments.root());
        experimentsVm.show(projectId);
        onProjectShown.accept(projectId);
    }

    @Override
    public void createExperiment(UUID projectId, boolean hpo) {
        HpoPageView p = new HpoPageView(app, this);
        setPage(p);
        p.create(projectId, hpo);
    }

    @Override
    public void showExperiment(UUID experimentId) {
        HpoPageView p = new HpoPageView(app, this);
        setPage(p);
        p.open(experimentId, null);
    }

    @Override
    public void showTrial(UUID experimentId, int trialNumber) {
        if (page != null && experimentId.equals(page.experimentId())) {
            page.showResult(trialNumber);
            return;
        }
        HpoPageView p = new HpoPageView(app, this);
        setPage(p);
        p.open(experimentId, trialNumber);
    }

    /** The experiment page shown now, if any (for tests). */
    public HpoPageView page() {
        return page;
    }

    public ProjectsViewModel projects() {
        return projects;
    }

    public ExperimentPageViewModel experiments() {
        return experimentsVm;
    }

    public BorderPane root() {
        return root;
    }

    public void dispose() {
        drain.stop();
        experiments.dispose();
        if (page != null) {
            page.dispose();
        }
    }
}
