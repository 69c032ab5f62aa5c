package io.hypercast.ui;

import static io.hypercast.ui.WindowFixture.fx;
import static io.hypercast.ui.WindowFixture.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Deployments;
import io.hypercast.engine.Nots;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import io.hypercast.model.Project;
import io.hypercast.model.Trial;
import io.hypercast.testing.SyntheticProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole workflow a new user goes through, in the window: a new project, import a CSV, build a
 * model with lag and calendar features on the NoTS page, backtest it, run an HPO (the NoTS locks),
 * copy the project with the best trial's parameters, add both policies, deploy, and see the stored
 * forecast after {@code deployment run-due} (called on the engine, as the command line would).
 * With -Dhypercast.walk.shots=DIR it saves a screenshot of each screen there.
 */
@ExtendWith(ApplicationExtension.class)
class WorkflowTest {
    /** Past the policies' next fit (Monday 2024-03-04 00:00) and predict (2024-03-08 06:00) times, UTC. */
    private static final Instant RUN_DUE_AT = Instant.parse("2024-03-08T12:00:00Z");

    static {
        // a 1440 x 900 headless screen when this class starts the toolkit (Monocle's default is 1280 x 800)
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1440x900-32");
        }
    }

    @TempDir
    Path dir;
    private WindowFixture w;
    private Stage stage;
    private final String shots = System.getProperty("hypercast.walk.shots", "");

    @Start
    void start(Stage stage) {
        this.stage = stage;
        w = new WindowFixture(dir, stage);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        if (screen.getWidth() >= 1440 && screen.getHeight() >= 900) {
            stage.setWidth(1440);
            stage.setHeight(900);
        }
    }

    @AfterEach
    void close() {
        w.close();
    }

    // ---- helpers: waiting treats a missing node as "not yet" ----

    private static boolean present(FxRobot r, String q) {
        return r.lookup(q).tryQuery().isPresent();
    }

    private static boolean visible(FxRobot r, String q) {
        return r.lookup(q).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static String text(FxRobot r, String q) {
        Node n = r.lookup(q).tryQuery().orElse(null);
        if (n instanceof Labeled l) {
            return l.getText();
        }
        return n instanceof TextInputControl t ? t.getText() : "";
    }

    private static <T extends Node> T node(FxRobot r, String q) {
        return r.lookup(q).query();
    }

    /** Scrolls the enclosing scroll pane so the node is in view, as a user would before clicking it. */
    private static void reveal(FxRobot r, String q) {
        fx(() -> {
            Node n = node(r, q);
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp) {
                    Node content = sp.getContent();
                    double y = content.sceneToLocal(n.localToScene(0, 0)).getY();
                    double room = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (y - 80) / room)));
                    sp.layout();
                    return;
                }
            }
        });
    }

    private static void click(FxRobot r, String q) {
        reveal(r, q);
        r.clickOn(q);
    }

    /** Clears a field and types into it. */
    private static void type(FxRobot r, String q, String s) {
        reveal(r, q);
        fx(() -> ((TextInputControl) node(r, q)).clear());
        r.clickOn(q).write(s);
    }

    /** Opens a combo box and clicks the entry whose text is {@code item}. */
    private static void choose(FxRobot r, String combo, String item) {
        reveal(r, combo);
        r.clickOn(combo);
        // scroll the list to the entry, as a user does with the wheel when the list is longer than the popup
        until(10, () -> present(r, ".combo-box-popup .list-view"));
        fx(() -> {
            javafx.scene.control.ListView<?> lv = node(r, ".combo-box-popup .list-view");
            for (int i = 0; i < lv.getItems().size(); i++) {
                Object v = lv.getItems().get(i);
                if (item.equals(v.toString()) || v instanceof io.hypercast.model.Node n && item.equals(n.name())) {
                    lv.scrollTo(i);
                }
            }
        });
        until(10, () -> r.lookup(".combo-box-popup .list-cell").match(n -> n instanceof ListCell<?> c && item.equals(c.getText()))
                .tryQuery().map(Node::isVisible).orElse(false));
        r.clickOn(r.lookup(".combo-box-popup .list-cell").match(n -> n instanceof ListCell<?> c && item.equals(c.getText())).<Node>query());
        until(10, () -> {
            Object v = ((ComboBox<?>) node(r, combo)).getValue();
            return v != null && (item.equals(v.toString()) || v instanceof io.hypercast.model.Node n && item.equals(n.name()));
        });
    }

    /** Add node ▸ the item of {@code type} (its menu label is asserted). */
    private void addNodeMenu(FxRobot r, String type, String label) {
        until(10, () -> present(r, "#addNodeMenu") && !node(r, "#addNodeMenu").isDisabled());
        r.clickOn("#addNodeMenu");
        String item = "#add-" + type;
        until(10, () -> visible(r, item));
        assertTrue(r.lookup(item + " .label").match(n -> n instanceof Labeled l && label.equals(l.getText())).tryQuery().isPresent(), label);
        r.clickOn(item);
        until(10, () -> present(r, "#addNodeForm") && present(r, "#addName"));
    }

    private void clickAddAndWait(FxRobot r, String name) {
        click(r, "#addNodeButton");
        until(20, () -> present(r, "#node-" + name));
        assertTrue(w.dialogs.errors.isEmpty(), w.dialogs.errors.toString());
    }

    /** {@link WindowFixture#until}, naming the error dialogs shown meanwhile when it times out. */
    private void untilOk(int seconds, java.util.function.Supplier<Boolean> condition) {
        try {
            until(seconds, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; error dialogs: " + w.dialogs.errors, e);
        }
    }

    private int shot = 0;

    /** Saves the window to DIR/NN-name.png when -Dhypercast.walk.shots=DIR is set. */
    private void shot(String name) throws Exception {
        shot++;
        if (shots.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        File out = Path.of(shots).resolve(String.format("%02d-%s.png", shot, name)).toFile();
        out.getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out);
    }

    private void setTestPeriod(FxRobot r) {
        until(20, () -> present(r, "#testStartDate"));
        // the date pickers: typed into their editors, as a user can (the calendar popup is the other way)
        for (String[] d : new String[][] {{"#testStartDate", "2024-03-04"}, {"#testEndDate", "2024-03-11"}}) {
            DatePicker p = node(r, d[0]);
            fx(() -> p.setValue(LocalDate.parse(d[1])));
        }
    }

    @Test
    void aNewUserGoesFromACsvToAStoredForecast(FxRobot r) throws Exception {
        Path csv = dir.resolve("walk.csv");
        Files.writeString(csv, SyntheticProject.csv(11));

        // ---- 1. a new project ----
        until(20, () -> w.window.projects().selectedProperty().get() != null);
        w.dialogs.textAnswer = "Walk";
        r.clickOn("#newProject");
        until(20, () -> w.window.projects().selectedProperty().get() != null && "Walk".equals(w.window.projects().selectedProperty().get().title())
                && "Walk".equals(text(r, "#experimentPageTitle")));
        UUID project = w.window.projects().selectedProperty().get().id();
        shot("new-project-experiments");

        // ---- 2. import the CSV through the wizard ----
        r.clickOn("#navNots");
        until(20, () -> "Walk".equals(text(r, "#notsTitle")));
        shot("nots-empty");
        w.dialogs.openAnswer = csv;
        r.clickOn("#importCsv");
        until(20, () -> present(r, "#importPreview") && !node(r, "#importButton").isDisabled());
        shot("import-wizard");
        click(r, "#importButton");
        until(20, () -> present(r, "#node-load") && present(r, "#node-walk"));
        until(10, () -> w.dialogs.notices.stream().anyMatch(n -> n.startsWith("Imported")));
        shot("nots-imported");

        // ---- 3. calendar features: a TimeTrends source and two time series from it ----
        addNodeMenu(r, "TimeTrends", "Time trends (calendar source)");
        assertEquals("calendar", text(r, "#addName"));
        shot("add-time-trends-form");
        clickAddAndWait(r, "calendar");
        for (String trend : List.of("hour_of_day", "day_of_week")) {
            addNodeMenu(r, "TimeSeries", "Time series");
            type(r, "#addName", trend);
            choose(r, "#addInput", "calendar : " + trend);
            clickAddAndWait(r, trend);
        }

        // ---- 4. lag features: a TimeTransformations operation and a time series per lag ----
        for (int hours : new int[] {24, 168}) {
            addNodeMenu(r, "TimeTransformations", "Time transformation (lag)");
            type(r, "#addName", "shift_" + hours);
            type(r, "#set-shift", "PT" + hours + "H");
            choose(r, "#addInput", "load");
            clickAddAndWait(r, "shift_" + hours);
            addNodeMenu(r, "TimeSeries", "Time series");
            type(r, "#addName", "load_lag_" + hours + "h");
            choose(r, "#addInput", "shift_" + hours);
            clickAddAndWait(r, "load_lag_" + hours + "h");
        }

        // ---- 5. the LightGBM model ----
        addNodeMenu(r, "LightGBM", "LightGBM model");
        type(r, "#addName", "load_lgbm");
        for (String f : List.of("hour_of_day", "day_of_week", "load_lag_24h", "load_lag_168h")) {
            click(r, "#feature-" + f);
        }
        choose(r, "#addTarget", "load");
        type(r, "#param-num_boost_round", "20");
        shot("add-model-form");
        clickAddAndWait(r, "load_lgbm");
        io.hypercast.model.Node model = w.engine.nots().nodes(project).stream().filter(n -> n.name().equals("load_lgbm")).findFirst().orElseThrow();
        assertEquals(20L, ((Number) Nots.parameters(model).get("num_boost_round")).longValue());
        assertEquals(5, w.engine.nots().edges(project).stream().filter(e -> e.toNode().equals(model.id())).count(), "4 features and the target");
        shot("nots-model");
        assertFalse(visible(r, "#notsLock"), "no lock before any run");

        // ---- 6. a backtest through the Experiment page and the detail form ----
        r.clickOn("#navExperiments");
        until(20, () -> "Walk".equals(text(r, "#experimentPageTitle")) && visible(r, "#createButton"));
        r.clickOn("#createButton");
        r.clickOn("Create Backtest");
        until(20, () -> present(r, "#titleField"));
        type(r, "#titleField", "Walk backtest");
        setTestPeriod(r);
        type(r, "#fitStartField", "-P28D");
        until(10, () -> w.window.page().form().validProperty().get());
        shot("backtest-form");
        click(r, "#runButton");
        until(60, () -> w.engine.experiments().list(project, ExperimentKind.BACKTEST).stream().anyMatch(e -> e.state() == HpoState.SUCCESS));
        until(30, () -> visible(r, "#resultHeading") && !text(r, "#rmseValue").isEmpty() && !"—".equals(text(r, "#rmseValue")));
        shot("backtest-result");

        // ---- 7. a small HPO: 3 trials on num_boost_round 10..30 ----
        click(r, "#backToExperiments");
        until(20, () -> visible(r, "#createButton"));
        shot("experiments-with-backtest");
        r.clickOn("#createButton");
        r.clickOn("Create HPO");
        until(20, () -> present(r, "#titleField") && "New HPO".equals(text(r, "#titleField")));
        type(r, "#titleField", "Walk HPO");
        setTestPeriod(r);
        type(r, "#fitStartField", "-P28D");
        type(r, "#row0-lower", "10");
        type(r, "#row0-upper", "30");
        type(r, "#numTrialsField", "3");
        type(r, "#maxConcurrentField", "2");
        type(r, "#startupField", "3");
        until(10, () -> w.window.page().form().validProperty().get());
        shot("hpo-form");
        click(r, "#runButton");
        until(90, () -> "3 / 3".equals(text(r, "#runProgressText")) && w.window.page().trials().stateProperty().get() == HpoState.SUCCESS);
        shot("hpo-trials");
        Experiment hpo = w.engine.experiments().list(project, ExperimentKind.HPO).get(0);
        Trial best = w.engine.experiments().best(hpo.id()).orElseThrow();

        // ---- 8. the NoTS is locked now ----
        r.clickOn("#navNots");
        until(20, () -> visible(r, "#notsLock") && visible(r, "#frozenReason"));
        assertTrue(node(r, "#addNodeMenu").isDisabled(), "no edits on a frozen NoTS");
        assertTrue(w.engine.projects().frozen(project));
        shot("nots-locked");

        // ---- 9. from the HPO's result: copy the project with the best trial's parameters ----
        r.clickOn("#navExperiments");
        until(20, () -> present(r, "#hpoTable") && ((TableView<?>) node(r, "#hpoTable")).getItems().size() == 1);
        r.doubleClickOn(r.lookup("#hpoTable .table-cell").match(n -> n instanceof Labeled l && "Walk HPO".equals(l.getText())).<Node>query());
        until(20, () -> present(r, "#resultTab"));
        r.clickOn(r.lookup(".tab").match(n -> "resultTab".equals(n.getId())).<Node>query());
        until(30, () -> visible(r, "#copyWithParams") && text(r, "#resultHeading").contains("(best)"));
        shot("hpo-result");
        w.dialogs.textAnswer = "Walk tuned";
        click(r, "#copyWithParams");
        until(30, () -> w.window.projects().selectedProperty().get() != null
                && "Walk tuned".equals(w.window.projects().selectedProperty().get().title())
                && "Walk tuned".equals(text(r, "#notsTitle")) && present(r, "#node-load_lgbm"));
        Project copy = w.window.projects().selectedProperty().get();
        Map<String, Object> params = Nots.parameters(w.engine.nots().model(copy.id(), "load_lgbm"));
        assertEquals(best.parameters().get("num_boost_round"), params.get("num_boost_round"));
        assertFalse(visible(r, "#notsLock"), "the copy is editable");
        shot("copy-nots");

        // ---- 10. both policies and Deploy on the Deployments page ----
        r.clickOn("#navDeployments");
        until(20, () -> "Walk tuned".equals(text(r, "#deploymentsTitle")) && !node(r, "#addPolicy").isDisabled());
        shot("deployments-empty");
        assertEquals("0 0 * * 1", text(r, "#policyCron"));
        click(r, "#addPolicy");
        untilOk(20, () -> ((TableView<?>) node(r, "#policyTable")).getItems().size() == 1 && "0 6 * * *".equals(text(r, "#policyCron"))
                && !node(r, "#addPolicy").isDisabled()); // the model stays chosen after a policy is added
        click(r, "#addPolicy");
        untilOk(20, () -> ((TableView<?>) node(r, "#policyTable")).getItems().size() == 2);
        shot("deployments-policies");
        w.dialogs.textAnswer = "Walk live";
        click(r, "#deployButton");
        until(20, () -> ((TableView<?>) node(r, "#deploymentTable")).getItems().size() == 1);
        until(10, () -> w.dialogs.notices.stream().anyMatch(n -> n.startsWith("Deployed")));
        shot("deployed");

        // ---- 11. deployment run-due with a clock past the next fit and predict times (the engine, as the command line does) ----
        List<Deployments.DueRun> done = w.engine.deployments().runDue(RUN_DUE_AT);
        assertEquals(2, done.size(), done.toString());
        done.forEach(d -> assertEquals("SUCCESS", d.result().state(), d.toString()));
        click(r, "#refreshDeployments");
        until(30, () -> ((TableView<?>) node(r, "#runTable")).getItems().size() == 2 && present(r, "#forecastChart"));
        reveal(r, "#forecastChart");
        shot("deployments-forecast");
        UUID deployment = w.engine.deployments().list(copy.id()).stream().filter(d -> d.active()).findFirst().orElseThrow().id();
        assertEquals(24, w.engine.deployments().forecasts(deployment).get(0).points().size());
        assertTrue(w.dialogs.errors.isEmpty(), w.dialogs.errors.toString());
    }
}
