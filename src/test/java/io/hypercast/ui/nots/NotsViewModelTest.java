package io.hypercast.ui.nots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Node;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NoTS page's model: layout, adds with inputs, parameters, refusals with the engine's message, the frozen reason. */
class NotsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void addSetDeleteAndRefusals() {
        try (Engine engine = TestEngines.open(dir)) {
            SyntheticProject sp = SyntheticProject.create(engine, "nots");
            RecordingDialogs dialogs = new RecordingDialogs();
            NotsViewModel vm = new NotsViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs));
            vm.show(sp.project.id(), null);
            assertEquals("", vm.frozenReasonProperty().get());
            var places = NotsLayout.layout(vm.nodes(), vm.edges());
            int modelColumn = places.get(sp.model.id()).column();
            assertTrue(places.values().stream().allMatch(p -> p.column() <= modelColumn), "the model is rightmost");
            assertEquals(0, places.get(engine.nots().resolve(sp.project.id(), "meter").id()).column(), "sources leftmost");

            NotsViewModel.InputRef load = vm.inputChoices().stream().filter(i -> i.label().equals("load")).findFirst().orElseThrow();
            vm.add(NodeTypes.TIME_TRANSFORMATIONS, "shift_48", Map.of("shift", "PT48H"), load, List.of(), null, Map.of(), null);
            Node shift = engine.nots().resolve(sp.project.id(), "shift_48");
            assertEquals("PT48H", shift.setting("shift"));
            assertEquals(shift.id(), vm.selectedProperty().get().id(), "the new node is selected");

            vm.add(NodeTypes.LIGHTGBM, "m2", Map.of(), null, List.of(sp.load), sp.load, Map.of("max_depth", "6", "learning_rate", ""), null);
            Node m2 = engine.nots().model(sp.project.id(), "m2");
            assertEquals(Map.of("max_depth", 6L), Nots.parameters(m2));
            vm.setParameters(m2, Map.of("learning_rate", "0.05"));
            assertEquals(0.05, Nots.parameters(engine.nots().model(sp.project.id(), "m2")).get("learning_rate"));

            vm.setParameters(m2, Map.of("max_depth", "deep"));
            assertTrue(dialogs.errors.get(0).contains("max_depth must be an integer"), dialogs.errors.toString());
            dialogs.errors.clear();
            vm.delete(engine.nots().resolve(sp.project.id(), "meter"));
            assertTrue(dialogs.errors.get(0).contains("cannot be deleted") && dialogs.errors.get(0).contains("load"), dialogs.errors.toString());
            dialogs.errors.clear();

            var e = engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(SyntheticProject.hpoSpecJson(1, 1, SyntheticProject.SMALL_SPACE)));
            engine.experiments().run(e.id(), null, null).await();
            vm.refresh();
            assertTrue(vm.frozenReasonProperty().get().startsWith("Frozen by its first run"), vm.frozenReasonProperty().get());
            vm.add(NodeTypes.TIME_SERIES, "x", Map.of("period", "PT1H"), load, List.of(), null, Map.of(), null);
            assertTrue(dialogs.errors.get(0).contains("frozen") && dialogs.errors.get(0).contains("copy the project"), dialogs.errors.toString());
        }
    }
}
