package io.hypercast.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark on tiny sizes: every section is there and its figures are sane. Not timed: the
 * figures themselves are for people to read (hypercast bench).
 */
class BenchSmokeTest {

    @Test
    void tinyBenchHasEverySectionWithSaneFigures() {
        BenchTable table = Bench.run(BenchConfig.tiny(), null, null);

        for (String s : List.of("0", "1", "2", "3", "4", "5", "6", "7")) {
            assertFalse(table.section(s).isEmpty(), "section " + s + " is missing:\n" + table.toText());
        }
        for (BenchRow r : table.rows()) {
            if (r.value() == null) {
                continue;
            }
            String where = r.section() + " / " + r.item() + " = " + r.value();
            assertFalse(r.value().isInfinite(), where);
            if (r.unit().equals("s") || r.unit().equals("ms") || r.unit().equals("rows/s") || r.unit().equals("x")) {
                assertTrue(r.value() > 0, "not positive: " + where);
            }
            if (r.unit().equals("MW")) {
                assertTrue(Double.isFinite(r.value()) && r.value() > 0, "RMSE not finite and positive: " + where);
            }
            if (r.unit().equals("%")) {
                assertTrue(r.value() > -1 && r.value() < 100, "overhead out of range: " + where);
            }
            if (r.unit().equals("MB")) {
                assertTrue(Double.isNaN(r.value()) || r.value() > 10, "peak memory: " + where);
            }
        }
        assertTrue(table.section("1").stream().anyMatch(r -> r.item().contains("fixed trial") && r.unit().equals("MW")));
        assertTrue(table.section("2").stream().anyMatch(r -> r.item().contains("overhead")));
        assertEquals(3, table.section("3").size(), table.toText());
        assertEquals(List.of("launch to the Experiment page shown", "longest FX-thread stall during a 150-trial run"),
                table.section("7").stream().map(BenchRow::item).toList());
        assertTrue(table.section("7").get(1).note().contains("FxStall"), table.section("7").get(1).note());

        String csv = table.toCsv();
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", BenchTable.COLUMNS), lines.get(0));
        assertEquals(table.rows().size() + 1, lines.size());
        Set<String> sections = table.rows().stream().map(BenchRow::section).collect(Collectors.toSet());
        assertEquals(8, sections.size(), sections.toString());
        assertNotNull(table.toText());
        assertEquals(table.rows().size() + 2, table.toMarkdown().lines().count());
    }

    @Test
    void formatAndCsvCells() {
        assertEquals("0.3", BenchTable.format(0.30));
        assertEquals("608", BenchTable.format(607.991));
        assertEquals("1235", BenchTable.format(1234.5));
        assertEquals("-2.708", BenchTable.format(-2.70761));
        assertEquals("\"a, b\"", BenchTable.csvCell("a, b"));
        assertEquals("'=cmd", BenchTable.csvCell("=cmd"));
        assertEquals("-2.96", BenchTable.csvCell("-2.96"));
        assertTrue(new BenchRow("1 x", "y", 0.25, "s", BenchRow.Target.atMost(0.3), "", "").met().equals("yes"));
        assertTrue(new BenchRow("1 x", "y", 1.7, "x", BenchRow.Target.atLeast(1.8), "", "").met().equals("no"));
    }
}
