package io.hypercast.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.model.HpoState;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client library used as the platform's Python client is: get, create, run, wait, read. */
class ClientLibraryTest {
    @TempDir
    Path dir;
    private Hypercast session;
    private java.util.UUID projectId;

    @BeforeEach
    void connect() {
        Settings s = new Settings(dir, dir.resolve("c.db"), "bob", Duration.ofMinutes(10));
        try (Engine e = Engine.open(s, new TrialScheduler(1, 1), Clock.systemUTC())) {
            projectId = SyntheticProject.create(e, "client").project.id();
        }
        session = Hypercast.connect(s);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private HPO.Builder builder() {
        Project project = Project.get(projectId);
        Model model = Model.get(project, "load_lgbm");
        return HPO.builder(project, model)
                .title("client HPO")
                .testStartTime(Instant.parse("2024-02-26T00:00:00Z"))
                .testEndTime(Instant.parse("2024-03-11T00:00:00Z"))
                .fitStartTiming(TimeDelta.of("-P28D"))
                .fitEndTiming(TimeDelta.hours(0))
                .fitReferenceTiming(new CronTiming("0 0 * * 1"))
                .predictStartTiming(TimeDelta.hours(0))
                .predictEndTiming(TimeDelta.hours(24))
                .predictReferenceTiming(new CronTiming("0 0 * * *", "UTC"));
    }

    @Test
    void createRunWaitAndReadTheBestTrial() {
        HPO hpo = builder()
                .param("num_boost_round", new QUniform(10, 30, 10))
                .param("learning_rate", new LogUniform(0.05, 0.3))
                .param("objective", new Choice("mean_squared_error", "mean_absolute_error"))
                .searchAlgorithm(new Hyperopt(3, 2))
                .create();
        assertEquals(HpoState.DRAFT, hpo.state());
        hpo.run();
        assertEquals(HpoState.SUCCESS, hpo.waitUntilCompleted());
        TrialResult best = hpo.getResult().bestTrial();
        assertNotNull(best);
        assertTrue(best.parameters().get("num_boost_round") instanceof Long);
        assertTrue(best.optimizedParameters().get("objective") instanceof String, "a Choice reports the value, not an index");
        assertEquals(0.9, best.nonOptimizedParameters().get("alpha"));
        assertTrue(best.metrics().rmse() > 0);
        assertEquals(3, hpo.getResult().trials().size());
        assertEquals(1, HPO.list(Project.get(projectId)).size());
        assertEquals(hpo.uuid(), HPO.get(Project.get(projectId), hpo.uuid()).uuid());
        assertEquals(14 * 24, best.predictions().size());
    }

    @Test
    void anInvalidDistributionIsRefusedAtCreateWithTheParameterName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> builder().param("learning_rate", new LogUniform(1e-2, 1e-7)).create());
        assertTrue(e.where().startsWith("search_space.learning_rate"), e.getMessage());
        assertTrue(HPO.list(Project.get(projectId)).isEmpty());
    }

    @Test
    void aGuardrailIsALimitError() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> builder().param("learning_rate", new LogUniform(0.01, 0.1)).searchAlgorithm(new Hyperopt(200, 1)).create());
        assertEquals("trials per HPO", e.limit());
    }
}
