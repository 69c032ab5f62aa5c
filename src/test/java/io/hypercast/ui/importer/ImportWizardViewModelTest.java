package io.hypercast.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.model.Node;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's model: guesses, the zone for naive timestamps, a set period, and appends that ask before replacing. */
class ImportWizardViewModelTest {
    @TempDir
    Path dir;

    @Test
    void naiveTimestampsUseTheChosenZoneAndAPeriodCanBeSet() throws Exception {
        try (Engine engine = TestEngines.open(dir)) {
            var p = engine.projects().create("p", "");
            Path csv = dir.resolve("naive.csv");
            Files.writeString(csv, "settlement_date;demand;note\n2024-01-01 00:00;1,5;a\n2024-01-01 00:30;2,5;b\n2024-01-01 01:30;3;c\n");
            RecordingDialogs dialogs = new RecordingDialogs();
            ImportWizardViewModel vm = new ImportWizardViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs), p.id(), null);
            dialogs.openAnswer = csv;
            vm.chooseFile();
            assertEquals("settlement_date", vm.timestampColumnProperty().get());
            assertEquals("", vm.detectedOffsetProperty().get(), "no offset written");
            assertEquals(2, vm.columns().size());
            assertTrue(vm.columns().get(0).chosen().get(), "numbers are chosen");
            assertTrue(!vm.columns().get(1).chosen().get(), "text is not");
            assertEquals("PT30M", vm.inferredPeriodProperty().get());
            assertTrue(vm.reportLines().stream().anyMatch(l -> l.startsWith("Gap: ")), vm.reportLines().toString());
            vm.zoneProperty().set(ZoneId.of("Europe/Amsterdam"));
            assertEquals(1704063600L, vm.parsedProperty().get().series("demand").start(), "00:00 in Amsterdam is 23:00Z");
            vm.periodProperty().set("PT1H");
            assertNull(vm.parsedProperty().get(), "00:30 is off an hourly grid: a bad row");
            assertTrue(vm.problemProperty().get().contains("Skip bad rows"), vm.problemProperty().get());
            vm.periodProperty().set("");
            assertEquals(0, engine.nots().nodes(p.id()).size(), "nothing stored before Import");
            String[] done = new String[1];
            vm.importNow(m -> done[0] = m);
            assertNotNull(done[0]);
            assertEquals(2, engine.nots().nodes(p.id()).size());
        }
    }

    @Test
    void anAppendThatContradictsStoredValuesAsksFirst() throws Exception {
        try (Engine engine = TestEngines.open(dir)) {
            SyntheticProject sp = SyntheticProject.create(engine, "append");
            Node meter = engine.nots().resolve(sp.project.id(), "meter");
            Path csv = dir.resolve("more.csv");
            Files.writeString(csv, "time,load\n" + SyntheticProject.START + ",-999\n");
            RecordingDialogs dialogs = new RecordingDialogs();
            ImportWizardViewModel vm = new ImportWizardViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs), sp.project.id(), meter);
            assertEquals("PT1H", vm.periodProperty().get(), "the source's period");
            vm.open(csv);
            assertNotNull(vm.parsedProperty().get(), vm.problemProperty().get());
            dialogs.confirmAnswer = false;
            vm.importNow(m -> { });
            assertEquals(1, dialogs.confirmations.size());
            assertTrue(dialogs.confirmations.get(0).contains("contradict"), dialogs.confirmations.toString());
            assertTrue(vm.problemProperty().get().startsWith("Nothing was stored"));
            dialogs.confirmAnswer = true;
            String[] done = new String[1];
            vm.importNow(m -> done[0] = m);
            assertTrue(done[0].contains("1 replaced"), done[0]);
        }
    }
}
