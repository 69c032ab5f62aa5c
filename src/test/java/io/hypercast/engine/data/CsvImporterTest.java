package io.hypercast.engine.data;

import io.hypercast.engine.data.ImportReport.BadRow;
import io.hypercast.engine.data.ImportReport.Duplicate;
import io.hypercast.engine.data.ImportReport.Gap;
import io.hypercast.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvImporterTest {
    private static final double NaN = Double.NaN;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final CsvImportOptions DEFAULTS = CsvImportOptions.defaults();

    private static long epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    private static CsvImport read(String text) {
        return CsvImporter.importText(text, "t.csv", DEFAULTS);
    }

    private static InvalidInputException refused(String text, CsvImportOptions options) {
        return assertThrows(InvalidInputException.class, () -> CsvImporter.importText(text, "t.csv", options));
    }

    // ---- the real file ----------------------------------------------------------------------------

    @Test
    void importsTheShippedUkDemandFile() throws IOException {
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("assets/datasets/uk-electricity-demand-2000-halfhourly.csv");
        CsvImport data = CsvImporter.importFile(file, DEFAULTS);
        assertEquals(Duration.ofMinutes(30), data.period());
        assertEquals(List.of("demand_mw"), List.copyOf(data.series().keySet()));
        Series s = data.series("demand_mw");
        assertEquals(4032, s.size());
        assertEquals(4032, s.countPresent());
        assertEquals(epoch("2000-06-04T23:00:00Z"), s.start()); // 2000-06-05T00:00+01:00
        assertEquals(epoch("2000-08-27T23:00:00Z"), s.end());
        assertEquals(22262.0, s.value(0));
        assertEquals(23132.0, s.value(4031));
        assertEquals(s.start() + 1800, s.knownFrom(0)); // observed: known at the end of its interval
        ImportReport report = data.report();
        assertEquals(4032, report.rowsRead());
        assertEquals(4032, report.rowsImported());
        assertTrue(report.gaps().isEmpty(), report.gaps().toString());
        assertTrue(report.duplicates().isEmpty());
        assertTrue(report.badRows().isEmpty());
    }

    // ---- gaps, duplicates, bad rows -----------------------------------------------------------------

    @Test
    void gapsAreNaNAndReportedWithLineNumbers() {
        CsvImport data = read("""
                timestamp,a,b
                2020-01-01T00:00:00Z,1,10
                2020-01-01T01:00:00Z,2,
                2020-01-01T02:00:00Z,3,12
                2020-01-01T05:00:00Z,6,15
                """);
        assertEquals(Duration.ofHours(1), data.period());
        assertArrayEquals(new double[] {1, 2, 3, NaN, NaN, 6}, data.series("a").values());
        assertArrayEquals(new double[] {10, NaN, 12, NaN, NaN, 15}, data.series("b").values());
        assertEquals(List.of(
                        new Gap("b", Instant.parse("2020-01-01T01:00:00Z"), Instant.parse("2020-01-01T02:00:00Z"), 1, 2, 4),
                        new Gap(null, Instant.parse("2020-01-01T03:00:00Z"), Instant.parse("2020-01-01T05:00:00Z"), 2, 4, 5)),
                data.report().gaps());
        assertEquals(2, data.report().missingCount(null));
        assertTrue(data.report().badRows().isEmpty());
    }

    @Test
    void identicalDuplicatesAreKeptOnceAndReported() {
        CsvImport data = read("""
                timestamp,a
                2020-01-01T00:00:00Z,1
                2020-01-01T01:00:00Z,2
                2020-01-01T01:00:00Z,2
                2020-01-01T02:00:00Z,3
                """);
        assertArrayEquals(new double[] {1, 2, 3}, data.series("a").values());
        assertEquals(List.of(new Duplicate(Instant.parse("2020-01-01T01:00:00Z"), 3, 4, true)), data.report().duplicates());
        assertEquals(4, data.report().rowsRead());
        assertEquals(3, data.report().rowsImported());
    }

    @Test
    void duplicatesWithDifferentValuesAreBad() {
        String text = """
                timestamp,a
                2020-01-01T00:00:00Z,1
                2020-01-01T01:00:00Z,2
                2020-01-01T02:00:00Z,3
                2020-01-01T01:00:00+00:00,2.5
                """;
        InvalidInputException e = refused(text, DEFAULTS);
        assertEquals("t.csv:5:a", e.where());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'2'") && e.getMessage().contains("'2.5'"),
                e.getMessage());
        CsvImport data = CsvImporter.importText(text, "t.csv", DEFAULTS.withSkipBadRows(true));
        assertArrayEquals(new double[] {1, 2, 3}, data.series("a").values()); // the first one stays
        assertEquals(List.of(new Duplicate(Instant.parse("2020-01-01T01:00:00Z"), 3, 5, false)), data.report().duplicates());
        assertEquals(5, data.report().badRows().get(0).line());
    }

    @Test
    void badNumberRefusesTheFileNamingLineAndColumn() {
        String text = """
                timestamp,demand
                2020-01-01T00:00:00Z,1
                2020-01-01T00:30:00Z,12x
                2020-01-01T01:00:00Z,3
                """;
        InvalidInputException e = refused(text, DEFAULTS);
        assertEquals("t.csv:3:demand", e.where());
        assertTrue(e.getMessage().startsWith("t.csv:3:demand: '12x' is not a number"), e.getMessage());
    }

    @Test
    void skipBadRowsReportsAndSkipsThem() {
        String text = """
                timestamp,demand
                2020-01-01T00:00:00Z,1
                2020-01-01T00:30:00Z,12x
                not a time,7
                2020-01-01T01:00:00Z,3
                2020-01-01T01:30:00Z,NaN
                2020-01-01T02:00:00Z,5
                2020-01-01T02:30:00Z,6
                2020-01-01T03:00:00Z,7
                2020-01-01T03:30:00Z,8
                """;
        InvalidInputException e = refused(text, DEFAULTS);
        assertTrue(e.getMessage().contains("2 more bad rows"), e.getMessage());
        CsvImport data = CsvImporter.importText(text, "t.csv", DEFAULTS.withSkipBadRows(true));
        assertArrayEquals(new double[] {1, NaN, 3, NaN, 5, 6, 7, 8}, data.series("demand").values());
        List<BadRow> bad = data.report().badRows();
        assertEquals(List.of(3, 4, 6), bad.stream().map(BadRow::line).toList());
        assertEquals(new BadRow(3, "demand", "12x", bad.get(0).reason()), bad.get(0));
        assertEquals("timestamp", bad.get(1).column());
        assertEquals("not a time", bad.get(1).raw());
        assertEquals(9, data.report().rowsRead());
        assertEquals(6, data.report().rowsImported());
        assertEquals(2, data.report().missingCount(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf", "1e999"})
    void nonFiniteValuesAreRefused(String cell) {
        InvalidInputException e = refused("timestamp,v\n2020-01-01T00:00:00Z,1\n2020-01-01T01:00:00Z," + cell
                + "\n2020-01-01T02:00:00Z,3\n", DEFAULTS);
        assertEquals("t.csv:3:v", e.where());
    }

    @Test
    void wrongFieldCountIsABadRowWithAHint() {
        InvalidInputException e = refused("timestamp,v\n2020-01-01T00:00:00Z,1\n2020-01-01T01:00:00Z,1,5\n"
                + "2020-01-01T02:00:00Z,3\n", DEFAULTS);
        assertEquals("t.csv:3:column 3", e.where());
        assertTrue(e.getMessage().contains("3 fields but the header has 2") && e.getMessage().contains("quoted"),
                e.getMessage());
    }

    @Test
    void timestampOffTheGridIsBad() {
        String text = """
                timestamp,v
                2020-01-01T00:00:00Z,1
                2020-01-01T01:00:00Z,2
                2020-01-01T01:15:00Z,9
                2020-01-01T02:00:00Z,3
                2020-01-01T03:00:00Z,4
                2020-01-01T04:00:00Z,5
                """;
        InvalidInputException e = refused(text, DEFAULTS);
        assertEquals("t.csv:4:timestamp", e.where());
        assertTrue(e.getMessage().contains("off the PT1H grid"), e.getMessage());
        CsvImport data = CsvImporter.importText(text, "t.csv", DEFAULTS.withSkipBadRows(true));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, data.series("v").values());
    }

    @Test
    void unsortedRowsAreSorted() {
        CsvImport data = read("timestamp,v\n2020-01-01T02:00:00Z,3\n2020-01-01T00:00:00Z,1\n2020-01-01T01:00:00Z,2\n");
        assertArrayEquals(new double[] {1, 2, 3}, data.series("v").values());
        assertEquals(epoch("2020-01-01T00:00:00Z"), data.series("v").start());
    }

    // ---- file format ------------------------------------------------------------------------------------

    @Test
    void semicolonWithDecimalComma() {
        CsvImport data = read("""
                timestamp;demand;price
                2020-01-01 00:00;1234,5;12
                2020-01-01 01:00;1.234,5;-0,25
                2020-01-01 02:00;7;3.5
                """);
        assertArrayEquals(new double[] {1234.5, 1234.5, 7}, data.series("demand").values());
        assertArrayEquals(new double[] {12, -0.25, 3.5}, data.series("price").values());
        assertTrue(data.report().notes().stream().anyMatch(n -> n.contains("semicolon")), data.report().notes().toString());
    }

    @Test
    void tabSeparated() {
        CsvImport data = read("timestamp\tv\n2020-01-01T00:00:00Z\t1\n2020-01-01T00:15:00Z\t2\n");
        assertEquals(Duration.ofMinutes(15), data.period());
        assertArrayEquals(new double[] {1, 2}, data.series("v").values());
    }

    @Test
    void byteOrderMarkCrlfAndBlankTrailingLines(@TempDir Path dir) throws IOException {
        String text = "\uFEFFtimestamp,v\r\n2020-01-01T00:00:00Z,1\r\n2020-01-01T01:00:00Z,2\r\n\r\n\r\n";
        Path file = dir.resolve("bom.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        CsvImport data = CsvImporter.importFile(file, DEFAULTS);
        assertEquals(List.of("v"), List.copyOf(data.series().keySet()));
        assertArrayEquals(new double[] {1, 2}, data.series("v").values());
        assertEquals(2, data.report().rowsRead());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvImporter.importFile(file, DEFAULTS.withTimestampColumn("nope")));
        assertEquals("bom.csv", e.where());
    }

    @Test
    void quotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        String text = """
                "timestamp","demand, MW","note"
                "2020-01-01T00:00:00Z","12.5","a, b"
                2020-01-01T01:00:00Z,13,"two
                lines, ""quoted\"\""
                2020-01-01T02:00:00Z,14,c
                """;
        CsvImport data = read(text);
        assertArrayEquals(new double[] {12.5, 13, 14}, data.series("demand, MW").values());
        assertFalse(data.series().containsKey("note")); // text column left out, with a note
        assertTrue(data.report().notes().stream().anyMatch(n -> n.contains("'note'")));
        // Line numbers count the physical lines: the record after the two-line field is on line 5.
        InvalidInputException e = refused(text.replace(",14,", ",x,"), DEFAULTS);
        assertEquals("t.csv:5:demand, MW", e.where());
        InvalidInputException unclosed = refused("timestamp,v\n2020-01-01T00:00:00Z,\"1\n", DEFAULTS);
        assertEquals("t.csv:2", unclosed.where());
    }

    @Test
    void nonUtf8FileIsReadAsWindows1252(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin.csv");
        Files.write(file, "timestamp,d\u00e9bit\n2020-01-01T00:00:00Z,1\n2020-01-01T01:00:00Z,2\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CsvImport data = CsvImporter.importFile(file, DEFAULTS);
        assertTrue(data.series().containsKey("d\u00e9bit"));
        assertTrue(data.report().notes().stream().anyMatch(n -> n.contains("not UTF-8")));
    }

    @Test
    void readerImport() throws IOException {
        CsvImport data = CsvImporter.importReader(new StringReader("time,v\n2020-01-01,1\n2020-01-02,2\n"), "r.csv", DEFAULTS);
        assertEquals(Duration.ofDays(1), data.period());
    }

    // ---- refused files ----------------------------------------------------------------------------------

    @Test
    void emptyFileIsRefused() {
        assertTrue(refused("", DEFAULTS).getMessage().contains("empty"));
        assertTrue(refused("\uFEFF\n\n  \n", DEFAULTS).getMessage().contains("empty"));
        assertEquals("t.csv", refused("", DEFAULTS).where());
    }

    @Test
    void headerOnlyIsRefused() {
        InvalidInputException e = refused("timestamp,demand\n\n", DEFAULTS);
        assertEquals("t.csv", e.where());
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    }

    @Test
    void fileWithoutHeaderIsRefused() {
        assertTrue(refused("2020-01-01T00:00:00Z,1\n2020-01-01T01:00:00Z,2\n", DEFAULTS).getMessage().contains("header"));
    }

    @Test
    void singleRowCannotGiveAPeriod() {
        assertTrue(refused("timestamp,v\n2020-01-01T00:00:00Z,1\n", DEFAULTS).getMessage().contains("sample period"));
    }

    @Test
    void noNumericColumnIsRefused() {
        InvalidInputException e = refused("timestamp,region\n2020-01-01T00:00:00Z,north\n2020-01-01T01:00:00Z,south\n", DEFAULTS);
        assertTrue(e.getMessage().contains("no numeric column"), e.getMessage());
    }

    @Test
    void unknownColumnsInOptionsAreRefused() {
        String text = "timestamp,a,b\n2020-01-01T00:00:00Z,1,2\n2020-01-01T01:00:00Z,3,4\n";
        InvalidInputException e = refused(text, DEFAULTS.withColumns(List.of("a", "c")));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("timestamp, a, b"), e.getMessage());
        assertTrue(refused(text, DEFAULTS.withTimestampColumn("time")).getMessage().contains("'time'"));
        assertTrue(refused(text, DEFAULTS.withColumns(List.of("timestamp"))).getMessage().contains("timestamp column"));
        CsvImport onlyB = CsvImporter.importText(text, "t.csv", DEFAULTS.withColumns(List.of("b")));
        assertEquals(List.of("b"), List.copyOf(onlyB.series().keySet()));
    }

    @Test
    void timestampColumnIsFoundByName() {
        CsvImport data = read("load,Settlement Date,price\n5,2020-01-01T00:00:00Z,1\n6,2020-01-01T01:00:00Z,2\n");
        assertEquals(List.of("load", "price"), List.copyOf(data.series().keySet()));
        assertArrayEquals(new double[] {5, 6}, data.series("load").values());
    }

    // ---- time stamps ----------------------------------------------------------------------------------------

    @Test
    void mixedOffsetsAcrossDaylightSavingAreExact() {
        CsvImport data = read("""
                timestamp,v
                2022-03-27T00:00:00+00:00,1
                2022-03-27T00:30:00Z,2
                2022-03-27T02:00:00+01:00,3
                2022-03-27T02:30:00+0100,4
                2022-03-27 03:00:00+01,5
                """);
        assertEquals(Duration.ofMinutes(30), data.period());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, data.series("v").values());
        assertTrue(data.report().gaps().isEmpty());
    }

    @Test
    void naiveTimestampsAreUtcWithoutZoneAndSaySo() {
        CsvImport data = read("timestamp,v\n2020-06-01 00:00,1\n2020-06-01 01:00,2\n");
        assertEquals(epoch("2020-06-01T00:00:00Z"), data.series("v").start());
        assertTrue(data.report().notes().stream().anyMatch(n -> n.contains("read as UTC")));
        CsvImport local = CsvImporter.importText("timestamp,v\n2020-06-01T00:00:00,1\n2020-06-01T01:00:00,2\n", "t.csv",
                CsvImportOptions.inZone(AMSTERDAM));
        assertEquals(epoch("2020-05-31T22:00:00Z"), local.series("v").start());
    }

    @Test
    void amsterdamFallBackDayHas25RowsNoneLostOrDoubled() {
        String text = localHourly(LocalDate.of(2022, 10, 29), LocalDate.of(2022, 11, 1), false);
        CsvImport data = CsvImporter.importText(text, "ams.csv", CsvImportOptions.inZone(AMSTERDAM));
        Series s = data.series("v");
        assertEquals(Duration.ofHours(1), data.period());
        assertEquals(24 + 25 + 24, s.size());
        assertEquals(s.size(), s.countPresent());
        assertTrue(data.report().gaps().isEmpty());
        assertTrue(data.report().duplicates().isEmpty());
        assertEquals(25, countOnLocalDay(s, LocalDate.of(2022, 10, 30)));
        // The first 02:00 (value 27) is 02:00+02:00, the second (28) is 02:00+01:00.
        assertEquals(27.0, s.valueAt(epoch("2022-10-30T00:00:00Z")));
        assertEquals(28.0, s.valueAt(epoch("2022-10-30T01:00:00Z")));
        for (int i = 0; i < s.size(); i++) {
            assertEquals(i + 1, s.value(i)); // the file's order is time order
        }
    }

    @Test
    void amsterdamFallBackInAFileSortedNewestFirst() {
        String text = localHourly(LocalDate.of(2022, 10, 29), LocalDate.of(2022, 11, 1), true);
        Series s = CsvImporter.importText(text, "ams.csv", CsvImportOptions.inZone(AMSTERDAM)).series("v");
        assertEquals(73, s.size());
        assertEquals(73, s.countPresent());
        assertEquals(27.0, s.valueAt(epoch("2022-10-30T00:00:00Z")));
        assertEquals(28.0, s.valueAt(epoch("2022-10-30T01:00:00Z")));
    }

    @Test
    void amsterdamSpringForwardDayHas23Rows() {
        String text = localHourly(LocalDate.of(2022, 3, 26), LocalDate.of(2022, 3, 29), false);
        CsvImport data = CsvImporter.importText(text, "ams.csv", CsvImportOptions.inZone(AMSTERDAM));
        Series s = data.series("v");
        assertEquals(24 + 23 + 24, s.size());
        assertEquals(s.size(), s.countPresent());
        assertTrue(data.report().gaps().isEmpty());
        assertEquals(23, countOnLocalDay(s, LocalDate.of(2022, 3, 27)));
    }

    @Test
    void nonExistentLocalTimeIsBad() {
        String text = "timestamp,v\n2022-03-27 01:00,1\n2022-03-27 02:00,2\n2022-03-27 03:00,3\n";
        InvalidInputException e = refused(text, CsvImportOptions.inZone(AMSTERDAM));
        assertEquals("t.csv:3:timestamp", e.where());
        assertTrue(e.getMessage().contains("does not exist in Europe/Amsterdam"), e.getMessage());
    }

    @Test
    void slashDatesWhereTheOrderIsClear() {
        CsvImport data = read("timestamp,v\n12/06/2000 23:30,1\n13/06/2000 00:00,2\n");
        assertEquals(epoch("2000-06-12T23:30:00Z"), data.series("v").start());
        CsvImport us = read("timestamp,v\n06/12/2000 23:30,1\n06/13/2000 00:00,2\n");
        assertEquals(epoch("2000-06-12T23:30:00Z"), us.series("v").start());
        assertTrue(refused("timestamp,v\n05/06/2000 00:00,1\n05/06/2000 01:00,2\n", DEFAULTS).getMessage().contains("day/month"));
    }

    @Test
    void invalidDatesAreBad() {
        InvalidInputException e = refused("timestamp,v\n2020-02-28T00:00:00Z,1\n2020-02-30T00:00:00Z,2\n2020-03-01T00:00:00Z,3\n",
                DEFAULTS);
        assertEquals("t.csv:3:timestamp", e.where());
        assertTrue(e.getMessage().contains("not a valid date"), e.getMessage());
    }

    /** Hourly rows at local wall time, one per local hour that exists, twice for a repeated hour. */
    private static String localHourly(LocalDate from, LocalDate to, boolean newestFirst) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<String> rows = new java.util.ArrayList<>();
        Instant t = from.atStartOfDay(AMSTERDAM).toInstant();
        Instant end = to.atStartOfDay(AMSTERDAM).toInstant();
        int v = 1;
        for (; t.isBefore(end); t = t.plusSeconds(3600)) {
            rows.add(LocalDateTime.ofInstant(t, AMSTERDAM).format(f) + "," + v++);
        }
        if (newestFirst) {
            java.util.Collections.reverse(rows);
        }
        return "timestamp,v\n" + String.join("\n", rows) + "\n";
    }

    private static int countOnLocalDay(Series s, LocalDate day) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (LocalDate.ofInstant(Instant.ofEpochSecond(s.timeAt(i)), AMSTERDAM).equals(day)) {
                n++;
            }
        }
        return n;
    }
}
