package io.hypercast.ui.nots;

import static io.hypercast.ui.WindowFixture.fx;
import static io.hypercast.ui.WindowFixture.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Nots;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.Project;
import io.hypercast.model.Trial;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.WindowFixture;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** From an HPO's result page, "Copy project with these parameters" makes an editable copy whose model has the trial's values, and opens it. */
@ExtendWith(ApplicationExtension.class)
class CopyWithParametersFlowTest {
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

    @Test
    void theCopyOpensWithTheTrialsParametersOnItsModel(FxRobot r) {
        Experiment e = w.engine.experiments().createHpo(w.sp.project.id(),
                SpecJson.readHpo(SyntheticProject.hpoSpecJson(2, 1, SyntheticProject.SMALL_SPACE)));
        w.engine.experiments().run(e.id(), null, null).await();
        Trial best = w.engine.experiments().best(e.id()).orElseThrow();
        until(20, () -> w.window.projects().selectedProperty().get() != null);
        fx(() -> w.window.showTrial(e.id(), best.number()));
        until(30, () -> r.lookup("#copyWithParams").tryQuery().map(n -> n.isVisible()).orElse(false));
        w.dialogs.textAnswer = "tuned copy";
        r.clickOn("#copyWithParams");

        until(30, () -> w.window.projects().selectedProperty().get() != null
                && "tuned copy".equals(w.window.projects().selectedProperty().get().title())
                && r.lookup("#notsTitle").tryQuery().map(n -> "tuned copy".equals(((Label) n).getText())).orElse(false)
                && r.lookup("#node-load_lgbm").tryQuery().isPresent());
        Project copy = w.window.projects().selectedProperty().get();
        Map<String, Object> params = Nots.parameters(w.engine.nots().model(copy.id(), "load_lgbm"));
        assertEquals(best.parameters().get("num_boost_round"), params.get("num_boost_round"));
        assertEquals(best.parameters().get("learning_rate"), params.get("learning_rate"));
        assertFalse(w.engine.projects().frozen(copy.id()), "the copy is editable");
        assertFalse(r.lookup("#notsLock").query().isVisible(), "no lock on the copy");
        assertTrue(w.engine.projects().frozen(w.sp.project.id()), "the original stays frozen");
        assertTrue(w.dialogs.errors.isEmpty(), w.dialogs.errors.toString());
    }
}
