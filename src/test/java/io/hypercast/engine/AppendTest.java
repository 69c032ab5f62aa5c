package io.hypercast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.store.NotsRepository;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending newer rows to an imported source keeps the old data and refuses contradictions unless confirmed. */
class AppendTest {
    @TempDir
    Path dir;
    private Engine engine;
    private SyntheticProject sp;
    private Node source;

    @BeforeEach
    void open() {
        engine = Engine.open(new Settings(dir, dir.resolve("a.db"), "eve", Duration.ofMinutes(10)), new TrialScheduler(1, 1), Clock.systemUTC());
        sp = SyntheticProject.create(engine, "append");
        source = engine.nots().resolve(sp.project.id(), "meter");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private NotsRepository.StoredSeries stored() {
        return engine.store().read(c -> new NotsRepository().series(c, source.id(), "load")).orElseThrow();
    }

    private Path csv(String body) throws Exception {
        Path f = Files.createTempFile(dir, "more", ".csv");
        Files.writeString(f, "time,load\n" + body);
        return f;
    }

    private static final CsvImportOptions UTC = new CsvImportOptions("time", ZoneOffset.UTC, null, false);
    private static final Instant END = SyntheticProject.START.plusSeconds(3600L * SyntheticProject.HOURS);

    @Test
    void newerRowsAreAddedAndOlderDataKept() throws Exception {
        double[] before = stored().values();
        Nots.Appended a = engine.nots().appendCsv(sp.project.id(), "meter", csv(END + ",1.5\n" + END.plusSeconds(3600) + ",2.5\n"), UTC, false);
        assertEquals(2, a.added());
        double[] after = stored().values();
        assertEquals(before.length + 2, after.length);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i]);
        }
        assertEquals(2.5, after[after.length - 1]);
    }

    @Test
    void aContradictingRowIsRefusedAndNothingStoredUnlessConfirmed() throws Exception {
        double[] before = stored().values();
        Path f = csv(SyntheticProject.START + ",-999\n" + END + ",3\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.nots().appendCsv(sp.project.id(), "meter", f, UTC, false));
        assertTrue(e.getMessage().contains("contradict") && e.getMessage().contains(SyntheticProject.START.toString()), e.getMessage());
        assertEquals(before.length, stored().values().length, "nothing was stored");
        Nots.Appended a = engine.nots().appendCsv(sp.project.id(), "meter", f, UTC, true);
        assertEquals(1, a.replaced());
        assertEquals(-999, stored().values()[0]);
    }

    @Test
    void appendingWorksOnAFrozenProjectBecauseDeploymentsNeedNewData() throws Exception {
        var e = engine.experiments().createHpo(sp.project.id(), io.hypercast.engine.spec.SpecJson.readHpo(
                SyntheticProject.hpoSpecJson(1, 1, SyntheticProject.SMALL_SPACE)));
        engine.experiments().run(e.id(), null, null).await();
        assertTrue(engine.projects().frozen(sp.project.id()));
        assertEquals(1, engine.nots().appendCsv(sp.project.id(), "meter", csv(END + ",7\n"), UTC, false).added());
    }
}
