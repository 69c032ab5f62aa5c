package io.hypercast.ui.importer;

import static io.hypercast.ui.WindowFixture.fx;
import static io.hypercast.ui.WindowFixture.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.ui.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The import wizard in the window: a file with a gap and a bad row is reported with line numbers before anything is stored. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardFlowTest {
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

    private static boolean present(FxRobot r, String q) {
        return r.lookup(q).tryQuery().isPresent();
    }

    private List<String> report(FxRobot r) {
        return List.copyOf(r.lookup("#importReport").<ListView<String>>query().getItems());
    }

    @Test
    void aGapAndABadRowAreReportedWithLineNumbersAndNothingIsStoredBeforeImport(FxRobot r) throws Exception {
        Path csv = dir.resolve("gappy.csv");
        Files.writeString(csv, """
                time,demand,temp
                2024-01-01T00:00:00Z,10,1
                2024-01-01T01:00:00Z,11,2
                2024-01-01T02:00:00Z,12,3
                2024-01-01T05:00:00Z,abc,4
                2024-01-01T06:00:00Z,14,5
                2024-01-01T07:00:00Z,15,6
                2024-01-01T08:00:00Z,16,7
                """);
        UUID p = w.sp.project.id();
        int before = w.engine.nots().nodes(p).size();
        w.dialogs.openAnswer = csv;
        until(20, () -> present(r, "#navNots") && r.lookup("#navNots").query().isVisible());
        r.clickOn("#navNots");
        until(20, () -> present(r, "#node-load_lgbm"));
        r.clickOn("#importCsv");
        until(20, () -> present(r, "#importPreview") && r.lookup("#importPreview").<TableView<?>>query().getItems().size() == 7);
        assertTrue(r.lookup("#importOffset").<Label>query().getText().contains("offset Z"), "the offset is detected");

        // the bad row refuses the file: its line is named, Import stays off, nothing is stored
        try {
            until(20, () -> r.lookup("#importProblem").<Label>query().getText().contains(":5:"));
        } catch (AssertionError e) {
            throw new AssertionError("problem: " + r.lookup("#importProblem").<Label>query().getText() + " report: " + report(r), e);
        }
        assertTrue(r.lookup("#importButton").<Button>query().isDisabled());
        assertEquals(before, w.engine.nots().nodes(p).size(), "nothing stored");

        // skip bad rows: the report lists the bad row and the gap with their line numbers
        r.clickOn("#importSkipBadRows");
        until(20, () -> report(r).stream().anyMatch(l -> l.startsWith("Bad row: line 5")));
        assertTrue(report(r).stream().anyMatch(l -> l.startsWith("Gap: ") && l.contains("between lines 4 and 6")), report(r).toString());
        assertEquals(before, w.engine.nots().nodes(p).size(), "still nothing stored");

        // only one column: one source and one time series
        fx(() -> r.lookup("#importColumn-temp").<CheckBox>query().setSelected(false));
        until(20, () -> !r.lookup("#importButton").<Button>query().isDisabled());
        r.clickOn("#importButton");
        until(20, () -> w.engine.nots().nodes(p).size() == before + 2);
        List<Node> nodes = w.engine.nots().nodes(p);
        Node source = nodes.stream().filter(n -> n.name().equals("gappy")).findFirst().orElseThrow();
        assertEquals(NodeKind.SOURCE, source.kind());
        assertEquals(List.of("demand"), source.settings().get("columns"));
        assertTrue(nodes.stream().anyMatch(n -> n.name().equals("demand") && n.kind() == NodeKind.TIME_SERIES));
        until(20, () -> present(r, "#node-gappy"));
        assertTrue(w.dialogs.errors.isEmpty(), w.dialogs.errors.toString());
    }
}
