package io.hypercast.ui;

import static io.hypercast.ui.WindowFixture.fx;
import static io.hypercast.ui.WindowFixture.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The flows a user clicks, headless (Monocle), on the synthetic project: create, validate, save, reopen, run, result, export. */
@ExtendWith(ApplicationExtension.class)
class HpoFlowTest {
    @TempDir
    Path dir;
    private WindowFixture w;

    @Start
    void start(Stage stage) {
        w = new WindowFixture(dir, stage);
    }

    @AfterEach
    void close() {
        w.close();
    }

    private static <T extends Node> T node(FxRobot r, String query) {
        return r.lookup(query).query();
    }

    private static boolean present(FxRobot r, String query) {
        return r.lookup(query).tryQuery().isPresent();
    }

    private static String text(FxRobot r, String query) {
        Node n = node(r, query);
        return n instanceof Label l ? l.getText() : ((TextInputControl) n).getText();
    }

    /** Clears a field and types into it, as a user does (scrolling it into view first). */
    private static void type(FxRobot r, String query, String text) {
        reveal(r, query);
        fx(() -> ((TextInputControl) node(r, query)).clear());
        r.clickOn(query).write(text);
    }

    /** Scrolls the page so that the node is in view, as a user would before clicking it. */
    private static void reveal(FxRobot r, String query) {
        fx(() -> {
            Node n = node(r, query);
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) {
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

    private static void set(FxRobot r, String query, String text) {
        fx(() -> ((TextInputControl) node(r, query)).setText(text));
    }

    /** Opens a new HPO form through the Create button, on the synthetic data's last two weeks. */
    private void newHpo(FxRobot r) {
        until(20, () -> "synthetic".equals(((Label) node(r, "#experimentPageTitle")).getText()));
        r.clickOn("#createButton");
        r.clickOn("Create HPO");
        until(20, () -> r.lookup("#titleField").tryQuery().isPresent() && "New HPO".equals(text(r, "#titleField")));
        fx(() -> {
            ((DatePicker) node(r, "#testStartDate")).setValue(LocalDate.of(2024, 2, 26));
            ((DatePicker) node(r, "#testEndDate")).setValue(LocalDate.of(2024, 3, 11));
        });
        assertEquals("load_lgbm", w.window.page().form().model().get());
    }

    @Test
    void createValidateSaveReopenRunAndExportAnHpoThroughTheWindow(FxRobot r) throws Exception {
        newHpo(r);
        type(r, "#titleField", "UI HPO");

        // a bad bound: the engine's rule, beside the row
        type(r, "#row0-lower", "2000");
        until(5, () -> text(r, "#row0-message").contains("lower (2000) must be less than upper (1000)"));
        assertTrue(node(r, "#row0-lower").getStyleClass().contains("field-error"), "the field is marked");
        set(r, "#row0-lower", "10");
        set(r, "#row0-upper", "40");
        until(5, () -> text(r, "#row0-message").isEmpty());

        // a bad cron: the cron schedule's message, beside the field
        type(r, "#fitCronField", "0 0 * * 9");
        until(5, () -> text(r, "#fitCronMessage").contains("day of week 9 is out of range 0-7"));
        type(r, "#fitCronField", "0 0 * * 1");
        until(5, () -> text(r, "#fitCronMessage").isEmpty() && text(r, "#fitPreview").startsWith("2 fits in the test period"));

        set(r, "#numTrialsField", "4");
        set(r, "#maxConcurrentField", "2");
        set(r, "#startupField", "3");
        until(5, () -> w.window.page().form().validProperty().get());

        // save a draft
        r.clickOn("#saveDraft");
        until(20, () -> w.window.page().form().experimentIdProperty().get() != null);
        Experiment saved = w.engine.experiments().get(w.window.page().form().experimentIdProperty().get());
        assertEquals(HpoState.DRAFT, saved.state());
        assertEquals("UI HPO", saved.title());

        // reopen it from the HPO table and edit it
        r.clickOn("#backToExperiments");
        until(20, () -> ((TableView<?>) node(r, "#hpoTable")).getItems().size() == 1);
        r.doubleClickOn(r.lookup("#hpoTable .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l && "UI HPO".equals(l.getText()))
                .<Node>query());
        until(20, () -> r.lookup("#titleField").tryQuery().isPresent() && "UI HPO".equals(text(r, "#titleField")));
        assertTrue(((TextField) node(r, "#titleField")).isEditable(), "a draft is editable");
        reveal(r, "#titleField");
        r.clickOn("#titleField").write(" edited");
        r.clickOn("#saveDraft");
        until(20, () -> "UI HPO edited".equals(w.engine.experiments().get(saved.id()).title()));

        // run it and watch the progress reach n / n
        r.clickOn("#runButton");
        until(90, () -> "4 / 4".equals(text(r, "#runProgressText")) && w.window.page().trials().stateProperty().get() == HpoState.SUCCESS);
        assertEquals(4, ((TableView<?>) node(r, "#trialsTable")).getItems().size());
        until(10, () -> w.dialogs.notices.stream().anyMatch(n -> n.startsWith("Run finished")));

        // the result: the best trial's three metrics and the two parameter sections
        until(20, () -> text(r, "#resultHeading").contains("(best)"));
        for (String metric : List.of("#maeValue", "#mapeValue", "#rmseValue")) {
            assertFalse(text(r, metric).equals("—"), metric + " is shown");
        }
        assertTrue(node(r, "#optimizedSection").isVisible());
        assertTrue(node(r, "#nonOptimizedSection").isVisible());
        assertEquals(4, ((TableView<?>) node(r, "#optimizedTable")).getItems().size());
        assertTrue(((TableView<?>) node(r, "#nonOptimizedTable")).getItems().stream()
                .anyMatch(p -> p.toString().contains("max_leaves")));

        // export the trials CSV through the (injected) file chooser and read it back
        Path csv = dir.resolve("trials.csv");
        w.dialogs.saveAnswer = csv;
        r.clickOn("#exportTrials");
        until(20, () -> w.dialogs.notices.stream().anyMatch(n -> n.startsWith("Exported")));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("number,state,num_boost_round,max_depth,learning_rate,min_child_weight,mae,mape,mse,rmse,start,end,seconds,error,worker",
                lines.get(0));
        assertEquals(5, lines.size());
        for (int i = 1; i <= 4; i++) {
            assertTrue(lines.get(i).startsWith(i + ",COMPLETED,"), lines.get(i));
        }
        assertTrue(w.dialogs.errors.isEmpty(), w.dialogs.errors.toString());

        // back on its definition: a run HPO is read-only
        r.clickOn(r.lookup(".tab").match(n -> "definitionTab".equals(n.getId())).<javafx.scene.Node>query());
        until(10, () -> present(r, "#titleField"));
        assertFalse(((TextField) node(r, "#titleField")).isEditable(), "a run HPO is read-only");
        assertTrue(node(r, "#saveDraft").isDisabled() && node(r, "#runButton").isDisabled());
    }

    @Test
    void guardrailRefusalsShowTheirMessageAndNothingStarts(FxRobot r) {
        newHpo(r);
        set(r, "#numTrialsField", "2");
        type(r, "#maxConcurrentField", "6");
        until(5, () -> text(r, "#maxConcurrentMessage").contains("over the limit of 5 concurrent trials per HPO"));
        r.clickOn("#saveDraft");
        until(20, () -> w.dialogs.errors.stream().anyMatch(e -> e.contains("limit exceeded: concurrent trials per HPO = 5")));
        assertTrue(w.engine.experiments().list(w.sp.project.id(), ExperimentKind.HPO).isEmpty(), "nothing saved");

        type(r, "#maxConcurrentField", "1");
        TestEngines.fakeActiveRuns(w.engine, w.sp.project.id(), 5);
        r.clickOn("#runButton");
        until(20, () -> w.dialogs.errors.stream().anyMatch(e -> e.contains("limit exceeded: concurrent HPO runs per user = 5")));
        Experiment draft = w.engine.experiments().get(w.window.page().form().experimentIdProperty().get());
        assertEquals(HpoState.DRAFT, draft.state(), "the run did not start");
    }
}
