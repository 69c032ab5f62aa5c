package io.hypercast.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Experiment page's ViewModel: tables from the store, row actions through the engine. */
class ExperimentPageViewModelTest {
    @TempDir
    Path dir;

    @Test
    void runDuplicateAndDeleteWorkOnTheRowsAndTheTablesShowProgressAndBest() {
        try (Engine engine = TestEngines.open(dir)) {
            SyntheticProject sp = SyntheticProject.create(engine, "synthetic");
            Experiment e = engine.experiments().createHpo(sp.project.id(),
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(2, 2, SyntheticProject.SMALL_SPACE)));
            RecordingDialogs dialogs = new RecordingDialogs();
            AppContext app = AppContext.of(engine, TaskExecutor.sameThread(), dialogs);
            ExperimentPageViewModel vm = new ExperimentPageViewModel(app);
            vm.show(sp.project.id());
            assertEquals(1, vm.hpos().size());
            ExperimentRow row = vm.hpos().get(0);
            assertEquals("0 / 2", row.progressText());
            assertEquals("load_lgbm", row.modelProperty().get());

            vm.run(row);
            assertEquals(HpoState.SUCCESS, app.runs().handle(e.id()).orElseThrow().await());
            app.runs().drain();
            vm.refresh();
            assertEquals("2 / 2", row.progressText());
            assertEquals(HpoState.SUCCESS, row.stateProperty().get());
            assertNotNull(row.bestProperty().get());
            assertTrue(vm.frozenNoteProperty().get().contains("frozen"));

            vm.duplicate(row);
            assertEquals(2, vm.hpos().size());
            assertEquals(HpoState.DRAFT, vm.hpos().get(1).stateProperty().get());

            dialogs.confirmAnswer = false;
            vm.delete(vm.hpos().get(1));
            assertEquals(2, vm.hpos().size(), "not confirmed, not deleted");
            dialogs.confirmAnswer = true;
            vm.delete(vm.hpos().get(1));
            assertEquals(1, vm.hpos().size());
            assertEquals(1, engine.experiments().list(sp.project.id(), ExperimentKind.HPO).size());
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        }
    }
}
