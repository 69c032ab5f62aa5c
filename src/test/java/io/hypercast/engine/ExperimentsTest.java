package io.hypercast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.model.Deployment;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.model.ProjectFrozenException;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment service on a real store with a small synthetic project and real LightGBM trials. */
class ExperimentsTest {
    @TempDir
    Path dir;
    private Engine engine;
    private SyntheticProject sp;

    @BeforeEach
    void open() {
        Settings s = new Settings(dir, dir.resolve("h.db"), "alice", Duration.ofMinutes(10));
        engine = Engine.open(s, new TrialScheduler(2, 2), Clock.systemUTC());
        sp = SyntheticProject.create(engine, "synthetic");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private HpoSpec spec(int trials, int concurrent) {
        return SpecJson.readHpo(SyntheticProject.hpoSpecJson(trials, concurrent, SyntheticProject.SMALL_SPACE));
    }

    @Test
    void aSmallHpoRunsToSuccessWithIntegerParametersAndABestTrial() {
        Experiment e = engine.experiments().createHpo(sp.project.id(), spec(4, 2));
        assertEquals(HpoState.DRAFT, e.state());
        HpoState end = engine.experiments().run(e.id(), null, null).await();
        assertEquals(HpoState.SUCCESS, end);
        HpoResult r = engine.experiments().result(e.id());
        assertEquals(4, r.trials().size());
        assertTrue(r.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETED));
        assertNotNull(r.bestTrial());
        assertTrue(r.bestTrial().parameters().get("num_boost_round") instanceof Long);
        assertEquals(List.of("num_boost_round", "learning_rate"), r.optimized());
        assertFalse(r.nonOptimized().containsKey("learning_rate"));
        assertEquals(30L, r.nonOptimized().get("num_boost_round") == null ? 30L : 0L, "num_boost_round is optimized, so not listed twice");
        assertEquals(14 * 24, engine.experiments().predictions(e.id(), r.bestTrial().number()).size());
        assertEquals(2, engine.experiments().folds(e.id(), r.bestTrial().number()).size());
        double min = r.trials().stream().mapToDouble(Trial::objective).min().orElseThrow();
        assertEquals(min, r.bestTrial().objective());
    }

    @Test
    void runningAnHpoCreatesTheInactiveDeploymentAndFreezesTheNots() {
        assertFalse(engine.projects().frozen(sp.project.id()));
        Experiment e = engine.experiments().createHpo(sp.project.id(), spec(1, 1));
        engine.experiments().run(e.id(), null, null).await();
        List<Deployment> ds = engine.projects().deployments(sp.project.id());
        assertEquals(1, ds.size());
        assertFalse(ds.get(0).active(), "the freezing deployment activates no policy");
        ProjectFrozenException ex = assertThrows(ProjectFrozenException.class,
                () -> engine.nots().addNode(sp.project.id(), "more", NodeTypes.TIME_SERIES, Map.of("period", "PT1H")));
        assertTrue(ex.getMessage().contains("copy"), ex.getMessage());
        assertThrows(ProjectFrozenException.class, () -> engine.nots().setModelParameters(sp.project.id(), sp.model.id(), Map.of("max_depth", 3L)));
        assertThrows(ProjectFrozenException.class, () -> engine.nots().connect(sp.project.id(), sp.load.id(), "", sp.model.id(), "features"));
        assertEquals(1, engine.projects().deployments(sp.project.id()).size(), "a second run adds no deployment");
    }

    @Test
    void tooManyTrialsIsRefusedAtSaveAsALimit() {
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> engine.experiments().createHpo(sp.project.id(), spec(151, 1)));
        assertEquals("trials per HPO", e.limit());
        assertEquals(150, e.value());
        assertTrue(e.getMessage().contains("150"));
        assertTrue(engine.experiments().list(sp.project.id(), ExperimentKind.HPO).isEmpty(), "nothing saved");
    }

    @Test
    void tooManyConcurrentTrialsIsRefusedAtSaveAsALimit() {
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> engine.experiments().createHpo(sp.project.id(), spec(10, 6)));
        assertEquals("concurrent trials per HPO", e.limit());
        assertEquals(5, e.value());
    }

    /** Puts n HPOs of this project in RUNNING state, as if other processes ran them. */
    private void fakeActiveRuns(java.util.UUID projectId, int n) {
        for (int i = 0; i < n; i++) {
            Experiment x = engine.experiments().createHpo(projectId, spec(1, 1));
            engine.store().write(c -> {
                new ExperimentRepository().start(c, x.id(), engine.clock().instant(), engine.clock().instant().plusSeconds(600), ProcessHandle.current().pid(), "here");
                new ExperimentRepository().setState(c, x.id(), HpoState.RUNNING);
                return null;
            });
        }
    }

    @Test
    void theSixthConcurrentRunOfAUserIsRefusedAndNothingStarts() {
        fakeActiveRuns(sp.project.id(), 5);
        Experiment e = engine.experiments().createHpo(sp.project.id(), spec(1, 1));
        LimitExceededException ex = assertThrows(LimitExceededException.class, () -> engine.experiments().run(e.id(), null, null));
        assertEquals("concurrent HPO runs per user", ex.limit());
        assertEquals(5, ex.value());
        assertEquals(HpoState.DRAFT, engine.experiments().get(e.id()).state(), "nothing started");
        assertTrue(engine.experiments().trials(e.id()).isEmpty());
        assertTrue(engine.projects().deployments(sp.project.id()).isEmpty(), "a refused run does not freeze the project");
    }

    @Test
    void theThirtyFirstConcurrentRunOfAProjectIsRefused() {
        // 30 runs by other users in one project
        Settings other = engine.settings();
        for (int u = 0; u < 6; u++) {
            try (Engine e2 = Engine.open(other.withProfile("user" + u), new TrialScheduler(1, 1), Clock.systemUTC())) {
                Engine saved = engine;
                engine = e2;
                fakeActiveRuns(sp.project.id(), 5);
                engine = saved;
            }
        }
        Experiment e = engine.experiments().createHpo(sp.project.id(), spec(1, 1));
        LimitExceededException ex = assertThrows(LimitExceededException.class, () -> engine.experiments().run(e.id(), null, null));
        assertEquals("concurrent HPO runs per project", ex.limit());
        assertEquals(30, ex.value());
        assertEquals(HpoState.DRAFT, engine.experiments().get(e.id()).state());
    }

    @Test
    void theEleventhConcurrentBacktestOfAProjectIsRefused() {
        String json = SyntheticProject.hpoSpecJson(1, 1, "{}")
                .replaceAll("\"search_space\": \\{\\},", "").replaceAll("\"search_algorithm\": \\{[^}]*\\}", "").replaceAll(",\\s*}\\s*$", "}");
        for (int i = 0; i < 10; i++) {
            Experiment b = engine.experiments().createBacktest(sp.project.id(), SpecJson.readBacktest(json));
            engine.store().write(c -> {
                new ExperimentRepository().start(c, b.id(), engine.clock().instant(), engine.clock().instant().plusSeconds(600), ProcessHandle.current().pid(), "here");
                return null;
            });
        }
        Experiment b = engine.experiments().createBacktest(sp.project.id(), SpecJson.readBacktest(json));
        LimitExceededException ex = assertThrows(LimitExceededException.class, () -> engine.experiments().run(b.id(), null, null));
        assertEquals("concurrent backtests per project", ex.limit());
        assertEquals(10, ex.value());
        assertEquals(HpoState.DRAFT, engine.experiments().get(b.id()).state());
    }

    @Test
    void deletedHposDoNotCountAgainstTheLimits() {
        fakeActiveRuns(sp.project.id(), 5);
        for (Experiment x : engine.experiments().list(sp.project.id(), ExperimentKind.HPO)) {
            engine.store().write(c -> {
                new ExperimentRepository().finish(c, x.id(), HpoState.CANCELLED, engine.clock().instant(), false, null);
                new ExperimentRepository().markDeleted(c, x.id());
                return null;
            });
        }
        Experiment e = engine.experiments().createHpo(sp.project.id(), spec(1, 1));
        assertEquals(HpoState.SUCCESS, engine.experiments().run(e.id(), null, null).await());
    }

    @Test
    void anInvalidLogUniformIsRefusedAtSaveWithTheParameterName() {
        for (String bad : new String[] {
            "{\"learning_rate\": {\"type\": \"LogUniform\", \"lower\": 1e-2, \"upper\": 1e-7}}",
            "{\"learning_rate\": {\"type\": \"LogUniform\", \"lower\": 0, \"upper\": 10}}",
            "{\"learning_rate\": {\"type\": \"LogUniform\", \"lower\": -3, \"upper\": 1}}"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(SyntheticProject.hpoSpecJson(3, 1, bad))));
            assertTrue(e.where().startsWith("search_space.learning_rate"), e.getMessage());
        }
        assertTrue(engine.experiments().list(sp.project.id(), ExperimentKind.HPO).isEmpty(), "nothing saved, no trial ran");
    }

    @Test
    void anUnknownHyperparameterIsRefusedAtSave() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.experiments().createHpo(sp.project.id(),
                SpecJson.readHpo(SyntheticProject.hpoSpecJson(3, 1, "{\"learning_rat\": {\"type\": \"Uniform\", \"lower\": 0.01, \"upper\": 0.1}}"))));
        assertTrue(e.getMessage().contains("learning_rat"), e.getMessage());
    }

    @Test
    void aRunHpoIsReadOnlyAndADuplicateIsADraft() {
        Experiment e = engine.experiments().createHpo(sp.project.id(), spec(1, 1));
        engine.experiments().run(e.id(), null, null).await();
        assertThrows(InvalidInputException.class, () -> engine.experiments().updateDraft(e.id(), spec(2, 1), null));
        assertThrows(InvalidInputException.class, () -> engine.experiments().run(e.id(), null, null));
        Experiment copy = engine.experiments().duplicate(e.id());
        assertEquals(HpoState.DRAFT, copy.state());
        assertEquals(e.hpo().searchSpace(), copy.hpo().searchSpace());
    }

    @Test
    void aBacktestRunsTheModelsOwnParameters() {
        String json = SyntheticProject.hpoSpecJson(1, 1, "{}");
        Experiment b = engine.experiments().createBacktest(sp.project.id(), SpecJson.readBacktest(
                json.replaceAll("\"search_space\": \\{\\},", "").replaceAll("\"search_algorithm\": \\{[^}]*\\}", "").replaceAll(",\\s*}\\s*$", "}")));
        assertEquals(HpoState.SUCCESS, engine.experiments().run(b.id(), null, null).await());
        HpoResult r = engine.experiments().result(b.id());
        assertEquals(1, r.trials().size());
        assertNotNull(r.bestTrial().metrics().mape());
        assertEquals(30L, r.nonOptimized().get("num_boost_round"));
    }
}
