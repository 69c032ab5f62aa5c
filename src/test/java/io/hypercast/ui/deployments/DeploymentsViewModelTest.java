package io.hypercast.ui.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.model.PolicyKind;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies, deploy, runs, the latest forecast with its observations, export, deactivate. */
class DeploymentsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void policiesDeployRunsForecastExportAndDeactivate() throws Exception {
        try (Engine engine = TestEngines.open(dir)) {
            SyntheticProject sp = SyntheticProject.create(engine, "deploy me");
            RecordingDialogs dialogs = new RecordingDialogs();
            DeploymentsViewModel vm = new DeploymentsViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs));
            vm.show(sp.project.id());
            assertEquals(List.of("load_lgbm"), List.copyOf(vm.models()));

            vm.addPolicy(PolicyKind.TS_RUN, "load_lgbm", "0 6 * * *", "UTC", "PT0S", "PT24H", null);
            dialogs.textAnswer = "prod";
            vm.deploy();
            assertTrue(dialogs.errors.stream().anyMatch(e -> e.contains("Model Fit Policy")), "refused with the engine's message");
            dialogs.errors.clear();
            vm.addPolicy(PolicyKind.MODEL_FIT, "load_lgbm", "0 0 * * 9", "UTC", "-P28D", "PT0S", null);
            assertTrue(dialogs.errors.stream().anyMatch(e -> e.contains("day of week 9")), dialogs.errors.toString());
            dialogs.errors.clear();
            vm.addPolicy(PolicyKind.MODEL_FIT, "load_lgbm", "0 0 * * 1", "UTC", "-P28D", "PT0S", null);
            assertEquals(2, vm.policies().size());
            vm.deploy();
            assertEquals(1, vm.deployments().size());
            assertTrue(vm.selectedProperty().get().active());
            assertFalse(vm.frozenReasonProperty().get().isEmpty(), "deployed: frozen");

            engine.deployments().runDue(Instant.parse("2024-03-08T12:00:00Z"));
            vm.refresh();
            assertEquals(2, vm.runs().size());
            assertEquals("Time Series Run Policy · load_lgbm", vm.runs().get(0).policy());
            assertTrue(vm.runs().stream().allMatch(r -> "SUCCESS".equals(r.run().state())), vm.runs().toString());
            assertNotNull(vm.latestProperty().get());
            assertEquals(24, vm.latestProperty().get().forecast().points().size());
            assertFalse(vm.latestProperty().get().observed().isEmpty(), "observations beside the forecast");

            Path csv = dir.resolve("f.csv");
            dialogs.saveAnswer = csv;
            vm.exportForecasts();
            List<String> lines = Files.readAllLines(csv);
            assertEquals("reference_time,fit_time,time,value", lines.get(0));
            assertEquals(25, lines.size());

            vm.deactivate();
            assertFalse(vm.deployments().get(0).active());
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        }
    }
}
