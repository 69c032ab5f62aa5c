package io.hypercast.ui.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.LogUniform;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail form's ViewModel on a real store, with a same-thread executor and no toolkit. */
class HpoDetailViewModelTest {
    @TempDir
    Path dir;
    private Engine engine;
    private SyntheticProject sp;
    private RecordingDialogs dialogs;
    private HpoDetailViewModel vm;

    @BeforeEach
    void open() {
        engine = TestEngines.open(dir);
        sp = SyntheticProject.create(engine, "synthetic");
        dialogs = new RecordingDialogs();
        vm = new HpoDetailViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs));
        vm.openNew(sp.project.id(), true, null);
        vm.testStartDate().set(LocalDate.of(2024, 2, 26));
        vm.testEndDate().set(LocalDate.of(2024, 3, 11));
        vm.rows().clear();
        SearchSpaceRow r = vm.addRow();
        r.parameterProperty().set("learning_rate");
        r.typeProperty().set("LogUniform");
        r.lowerProperty().set("0.05");
        r.upperProperty().set("0.3");
        vm.numTrials().set("3");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aNewFormOnTheSyntheticProjectIsValidWithItsOnlyModelChosen() {
        assertEquals("load_lgbm", vm.model().get());
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
        assertTrue(vm.validProperty().get());
        assertTrue(vm.fitPreview().get().startsWith("2 fits in the test period"), vm.fitPreview().get());
    }

    @Test
    void aLowerBoundAboveTheUpperIsReportedOnItsRowWithTheEnginesMessage() {
        SearchSpaceRow r = vm.rows().get(0);
        r.lowerProperty().set("0.5");
        assertEquals("learning_rate.lower: lower (0.5) must be less than upper (0.3)", r.errorProperty().get());
        assertTrue(vm.errors().containsKey("search_space"));
        assertFalse(vm.validProperty().get());
    }

    @Test
    void aBoundOutsideTheParametersRangeIsReportedByTheModelKind() {
        SearchSpaceRow r = vm.rows().get(0);
        r.typeProperty().set("Uniform");
        r.lowerProperty().set("-1");
        assertTrue(r.errorProperty().get().startsWith("learning_rate.lower: learning_rate must be a number > 0"), r.errorProperty().get());
    }

    @Test
    void aBadCronIsReportedBesideTheFitTimingAndClearsWhenFixed() {
        vm.fitCron().set("0 0 * * 8");
        assertEquals("day of week 8 is out of range 0-7 (0 and 7 are Sunday; names SUN-SAT)", vm.errors().get("fit_reference_timing"));
        vm.fitCron().set("0 0 * * mon");
        assertNull(vm.errors().get("fit_reference_timing"));
    }

    @Test
    void aPositiveFitEndIsRefusedWithTheBacktestRule() {
        vm.fitEnd().set("PT1H");
        assertTrue(vm.errors().get("fit_end_timing").startsWith("must be <= 0"), vm.errors().toString());
        vm.fitEnd().set("1 hour");
        assertTrue(vm.errors().get("fit_end_timing").contains("is not an ISO-8601 duration"), vm.errors().toString());
    }

    @Test
    void overTheGuardrailsIsAWarningAndSavingShowsTheEnginesRefusal() {
        vm.maxConcurrent().set("6");
        assertTrue(vm.warnings().get("max_concurrent_trials").contains("5 concurrent trials"));
        assertTrue(vm.validProperty().get(), "a limit is the engine's to refuse, so Save stays possible");
        vm.save(null);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("limit exceeded: concurrent trials per HPO = 5"), dialogs.errors.toString());
        assertTrue(engine.experiments().list(sp.project.id(), ExperimentKind.HPO).isEmpty(), "nothing saved");
    }

    @Test
    void saveCreatesADraftThenUpdatesItAndReopeningShowsTheSavedValues() {
        vm.title().set("my HPO");
        vm.save(null);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        Experiment saved = engine.experiments().get(vm.experimentIdProperty().get());
        assertEquals(HpoState.DRAFT, saved.state());
        assertEquals("my HPO", saved.title());
        assertEquals(new LogUniform(0.05, 0.3), saved.hpo().searchSpace().parameters().get("learning_rate"));

        vm.title().set("my HPO, edited");
        vm.numTrials().set("4");
        vm.save(null);
        assertEquals(1, engine.experiments().list(sp.project.id(), ExperimentKind.HPO).size(), "updated, not created again");

        HpoDetailViewModel again = new HpoDetailViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs));
        again.open(saved.id(), null);
        assertEquals("my HPO, edited", again.title().get());
        assertEquals("4", again.numTrials().get());
        assertEquals(LocalDate.of(2024, 2, 26), again.testStartDate().get());
        assertEquals("-P42D", again.fitStart().get(), "durations read as the spec file writes them");
        assertEquals("learning_rate", again.rows().get(0).parameterProperty().get());
        assertTrue(again.editableProperty().get());
        assertTrue(again.nonOptimized().stream().anyMatch(s -> s.startsWith("num_boost_round = 30  (set on the model")), again.nonOptimized().toString());
    }

    @Test
    void runningSavesAndStartsAndTheHpoBecomesReadOnly() {
        AppContext app = AppContext.of(engine, TaskExecutor.sameThread(), dialogs);
        HpoDetailViewModel form = new HpoDetailViewModel(app);
        form.openNew(sp.project.id(), true, null);
        form.testStartDate().set(LocalDate.of(2024, 2, 26));
        form.testEndDate().set(LocalDate.of(2024, 3, 11));
        form.rows().setAll(vm.rows());
        form.numTrials().set("2");
        form.saveAndRun(null);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertFalse(form.editableProperty().get());
        assertEquals(HpoState.SUCCESS, app.runs().handle(form.experimentIdProperty().get()).orElseThrow().await());
        app.runs().drain();
        var live = app.runs().live(form.experimentIdProperty().get());
        assertEquals(HpoState.SUCCESS, live.progress().state());
        assertEquals(2, live.progress().completed());
        assertEquals(2, live.trials().size());
    }

    @Test
    void theUsersFifthActiveRunRefusesTheRunWithTheLimitAndTheDraftStays() {
        TestEngines.fakeActiveRuns(engine, sp.project.id(), 5);
        vm.saveAndRun(null);
        assertTrue(dialogs.errors.stream().anyMatch(e -> e.contains("limit exceeded: concurrent HPO runs per user = 5")), dialogs.errors.toString());
        assertNotNull(vm.experimentIdProperty().get());
        assertEquals(HpoState.DRAFT, engine.experiments().get(vm.experimentIdProperty().get()).state(), "nothing started");
        assertTrue(vm.editableProperty().get());
    }

    @Test
    void theSavedSpecIsTheOneTheFormShows() {
        HpoSpec spec = (HpoSpec) vm.validate();
        assertNotNull(spec);
        assertEquals("load_lgbm", spec.backtest().model());
        assertEquals(3, spec.searchAlgorithm().numTrials());
    }
}
