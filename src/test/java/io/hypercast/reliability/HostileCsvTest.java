package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.Settings;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.nots.NotsSnapshot;
import io.hypercast.engine.store.NotsRepository.StoredSeries;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messy and hostile CSV files imported through the engine ({@code Nots.importCsv}) and the command
 * line ({@code source import}): a refused file gets a message naming file, line and column, exit
 * code 2, no stack trace, and the store (and the file) exactly as before; a messy but readable file
 * lands in the store with every row in its place. CsvImporterTest covers the parser's rules on text;
 * this is the path from a file on disk to the store.
 */
class HostileCsvTest {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @TempDir
    static Path dir;
    private static Path db;
    private static Engine engine;
    private static UUID project;

    @BeforeAll
    static void open() {
        db = dir.resolve("csv.db");
        engine = Engine.open(new Settings(dir, db, "reliability", Duration.ofMinutes(10)), new TrialScheduler(1, 1), Clock.systemUTC());
        project = engine.projects().create("csv target", "").id();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static Stream<Arguments> refusedFiles() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bomBad = concat(bom, utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,1O\n2024-01-01T02:00:00Z,3\n"));
        byte[] binary = new byte[600];
        new java.util.Random(5).nextBytes(binary);
        return Stream.of(
                Arguments.of("header-only.csv", utf8("time,load\n"), null, "header-only.csv", "no data rows"),
                Arguments.of("header-only-crlf.csv", utf8("time;load\r\n\r\n"), null, "header-only-crlf.csv", "no data rows"),
                Arguments.of("empty.csv", new byte[0], null, "empty.csv", "empty"),
                Arguments.of("bom-only.csv", bom, null, "bom-only.csv", "empty"),
                Arguments.of("bom.csv", bomBad, null, "bom.csv:3:load", "'1O' is not a number"),
                Arguments.of("semicolon.csv", utf8("time;load\n2024-01-01 00:00;1,5\n2024-01-01 01:00;1,2,3\n2024-01-01 02:00;2\n"), null,
                        "semicolon.csv:3:load", "'1,2,3' is not a number"),
                Arguments.of("decimal-comma-in-comma-file.csv", utf8("\"time\",\"load\"\n\"2024-01-01T00:00:00Z\",\"1,5\"\n"
                        + "\"2024-01-01T01:00:00Z\",\"2\"\n"), null, "decimal-comma-in-comma-file.csv:2:load", "decimal comma"),
                Arguments.of("unclosed-quote.csv", utf8("time,load\n2024-01-01T00:00:00Z,\"1\n2024-01-01T01:00:00Z,2\n"), null,
                        "unclosed-quote.csv:2", "quote"),
                Arguments.of("mixed-offsets.csv", utf8("time,load\n2024-01-01T00:00:00+01:00,1\n2024-01-01T01:00:00+01:00,2\n"
                        + "2024-01-01T01:30:00+00:00,3\n2024-01-01T03:00:00+01:00,4\n2024-01-01T04:00:00+01:00,5\n"), null,
                        "mixed-offsets.csv:4:time", "off the PT1H grid"),
                Arguments.of("dst-gap.csv", utf8("time,load\n2022-03-27 01:00,1\n2022-03-27 02:30,2\n2022-03-27 03:00,3\n2022-03-27 04:00,4\n"),
                        AMSTERDAM, "dst-gap.csv:3:time", "does not exist in Europe/Amsterdam"),
                Arguments.of("duplicates.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n2024-01-01T01:00:00Z,2.5\n"
                        + "2024-01-01T02:00:00Z,3\n"), null, "duplicates.csv:4:load", "line 3"),
                Arguments.of("text.csv", utf8("time,load,price\n2024-01-01T00:00:00Z,1,7\n2024-01-01T01:00:00Z,2,n/a\n2024-01-01T02:00:00Z,3,8\n"),
                        null, "text.csv:3:price", "'n/a' is not a number"),
                Arguments.of("nan.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,NaN\n2024-01-01T02:00:00Z,3\n"), null,
                        "nan.csv:3:load", "not a finite number"),
                Arguments.of("infinity.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n2024-01-01T02:00:00Z,-Infinity\n"),
                        null, "infinity.csv:4:load", "not a finite number"),
                Arguments.of("overflow.csv", utf8("time,load\n2024-01-01T00:00:00Z,1e309\n2024-01-01T01:00:00Z,2\n"), null,
                        "overflow.csv:2:load", "too large"),
                Arguments.of("bad-time.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-13-01T01:00:00Z,2\n2024-01-01T02:00:00Z,3\n"), null,
                        "bad-time.csv:3:time", "not a valid date"),
                Arguments.of("extra-field.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2,9\n2024-01-01T02:00:00Z,3\n"), null,
                        "extra-field.csv:3:column 3", "3 fields but the header has 2"),
                Arguments.of("thousand-year-gap.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T00:00:01Z,2\n2024-01-01T00:00:02Z,3\n"
                        + "3024-01-01T00:00:00Z,4\n"), null, "thousand-year-gap.csv", "more than 50000000"),
                Arguments.of("binary.csv", binary, null, "binary.csv", ""));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void aRefusedFileNamesThePlaceAndLeavesStoreAndFileUnchanged(String name, byte[] bytes, ZoneId zone, String where, String fragment)
            throws Exception {
        Path file = write(name, bytes);
        Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.NOTS_TABLES);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> engine.nots().importCsv(project, file, CsvImportOptions.inZone(zone), null)));
        assertTrue(e.where().startsWith(where), "where is " + e.where() + ", expected " + where + ": " + e.getMessage());
        if (where.contains(":")) {
            assertEquals(where, e.where(), e.getMessage());
        }
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(before, StoreProbe.dump(db, StoreProbe.NOTS_TABLES), "the store is unchanged");

        List<String> args = new ArrayList<>(List.of("source", "import", "--project", project.toString(), "--csv", file.toString(),
                "--db", db.toString()));
        if (zone != null) {
            args.addAll(List.of("--time-zone", zone.getId()));
        }
        InProcessCli.run(args.toArray(String[]::new)).assertRefused(2, "invalid input: " + where, fragment);
        assertEquals(before, StoreProbe.dump(db, StoreProbe.NOTS_TABLES), "the store is unchanged");
        assertArrayEquals(bytes, Files.readAllBytes(file), "the file is unchanged");
    }

    @Test
    void commandLineOptionsAndMissingFilesAreNamed() throws Exception {
        Path ok = write("fine.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n"));
        Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.NOTS_TABLES);
        InProcessCli.run("source", "import", "--project", project.toString(), "--csv", dir.resolve("nope.csv").toString(), "--db", db.toString())
                .assertRefused(2, "--csv", "nope.csv");
        InProcessCli.run("source", "import", "--project", project.toString(), "--csv", ok.toString(), "--time-zone", "Europe/Amsterdamm",
                "--db", db.toString()).assertRefused(2, "--time-zone", "Europe/Amsterdamm");
        InProcessCli.run("source", "import", "--project", project.toString(), "--csv", ok.toString(), "--columns", "load,lod",
                "--db", db.toString()).assertRefused(2, "fine.csv", "'lod'");
        InProcessCli.run("source", "import", "--project", "no such project", "--csv", ok.toString(), "--db", db.toString())
                .assertRefused(2, "project", "no such project");
        InProcessCli.run("source", "import", "--project", project.toString(), "--csv", dir.toString(), "--db", db.toString())
                .assertRefused(2, "--csv");
        assertEquals(before, StoreProbe.dump(db, StoreProbe.NOTS_TABLES), "the store is unchanged");
    }

    /** A 3 GB file (sparse: no disk used) is refused at once by its size, not read into memory first. */
    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("three-gigabytes.csv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        try {
            Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.NOTS_TABLES);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> engine.nots().importCsv(project, big, CsvImportOptions.defaults(), null)));
            assertEquals("three-gigabytes.csv", e.where());
            assertTrue(e.getMessage().contains("3072 MB") && e.getMessage().contains("up to 1024 MB"), e.getMessage());
            InProcessCli.run("source", "import", "--project", project.toString(), "--csv", big.toString(), "--db", db.toString())
                    .assertRefused(2, "three-gigabytes.csv", "up to 1024 MB");
            assertEquals(before, StoreProbe.dump(db, StoreProbe.NOTS_TABLES), "the store is unchanged");
        } finally {
            Files.delete(big);
        }
    }

    /** A file that does not fit in the memory the program may use is refused as invalid input, not an OutOfMemoryError. */
    @Test
    void aFileThatDoesNotFitInMemoryIsRefusedNotACrash() throws Exception {
        Path file = dir.resolve("too-big-for-64mb.csv");
        StringBuilder chunk = new StringBuilder("time,load\n");
        for (int i = 0; i < 10_000; i++) {
            chunk.append("2024-01-01T00:00:00Z,1\n");
        }
        byte[] block = utf8(chunk.toString());
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < 60 << 20; written += block.length) {
                out.write(block);
            }
        }
        Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.NOTS_TABLES);
        ChildCli child = ChildCli.start(dir, dir.resolve("oom.log"), List.of("-Xmx64m"), "source", "import", "--project", project.toString(),
                "--csv", file.toString(), "--db", db.toString());
        int code = child.await(60);
        String out = child.output();
        assertEquals(2, code, out);
        assertTrue(out.contains("too-big-for-64mb.csv") && out.contains("does not fit in the memory"), out);
        assertTrue(!out.contains("OutOfMemoryError") && !out.contains("\tat "), "no error class or stack trace: " + out);
        assertEquals(before, StoreProbe.dump(db, StoreProbe.NOTS_TABLES), "the store is unchanged");
        Files.delete(file);
    }

    // ---- messy but readable: stored with every row in its place ----------------------------------------

    private static StoredSeries stored(Nots.Imported r, String column) {
        NotsSnapshot s = engine.nots().snapshot(project);
        StoredSeries series = s.observations().get(NotsSnapshot.key(r.source().id(), column));
        assertTrue(series != null, "column " + column + " is in the store");
        return series;
    }

    private static Nots.Imported importFile(String name, byte[] bytes, ZoneId zone) throws Exception {
        return engine.nots().importCsv(project, write(name, bytes), CsvImportOptions.inZone(zone), null);
    }

    @Test
    void aBomIsNotPartOfTheFirstColumnName() throws Exception {
        Nots.Imported r = importFile("bom-ok.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("time,load\r\n2024-01-01T00:00:00Z,1\r\n2024-01-01T01:00:00Z,2\r\n")), null);
        assertEquals(List.of("load"), r.timeSeries().stream().map(Node::name).toList());
        assertArrayEquals(new double[] {1, 2}, stored(r, "load").values());
    }

    @Test
    void semicolonsDecimalCommasAndQuotedFieldsLandAsNumbers() throws Exception {
        Nots.Imported r = importFile("semi-ok.csv", utf8("time;\"load; MW\";price\n2024-01-01 00:00;1.234,5;\"-0,25\"\n"
                + "2024-01-01 01:00;7;3,5\n2024-01-01 02:00;\"8,0\";4\n"), null);
        assertArrayEquals(new double[] {1234.5, 7, 8}, stored(r, "load; MW").values());
        assertArrayEquals(new double[] {-0.25, 3.5, 4}, stored(r, "price").values());
    }

    @Test
    void mixedOffsetsAreExactInstants() throws Exception {
        Nots.Imported r = importFile("offsets-ok.csv", utf8("time,v\n2022-03-27T00:00:00+00:00,1\n2022-03-27T00:30:00Z,2\n"
                + "2022-03-27T02:00:00+01:00,3\n2022-03-27T03:30:00+02:00,4\n2022-03-27 02:00:00+00,5\n"), null);
        StoredSeries s = stored(r, "v");
        assertEquals(Instant.parse("2022-03-27T00:00:00Z").getEpochSecond(), s.startSeconds());
        assertEquals(1800, s.periodSeconds());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, s.values());
    }

    /** Europe/Amsterdam hourly in local time: 25 rows on 2022-10-30, 23 on 2022-03-27, none lost or doubled. */
    @Test
    void localTimeAcrossDaylightSavingKeepsEveryHour() throws Exception {
        for (LocalDate day : List.of(LocalDate.of(2022, 10, 30), LocalDate.of(2022, 3, 27))) {
            StringBuilder csv = new StringBuilder("time,load\n");
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            int v = 0;
            for (Instant t = day.minusDays(1).atStartOfDay(AMSTERDAM).toInstant(); t.isBefore(day.plusDays(2).atStartOfDay(AMSTERDAM).toInstant());
                 t = t.plusSeconds(3600)) {
                csv.append(LocalDateTime.ofInstant(t, AMSTERDAM).format(f)).append(',').append(++v).append('\n');
            }
            Nots.Imported r = importFile("ams-" + day + ".csv", utf8(csv.toString()), AMSTERDAM);
            assertTrue(r.data().report().gaps().isEmpty() && r.data().report().duplicates().isEmpty(), r.data().report().toString());
            StoredSeries s = stored(r, "load");
            assertEquals(3600, s.periodSeconds());
            assertEquals(v, s.values().length, "every row of the file is one hour in the store");
            int onDay = 0;
            for (int i = 0; i < s.values().length; i++) {
                assertEquals(i + 1, s.values()[i], "row " + (i + 1) + " in file order is hour " + i);
                if (LocalDate.ofInstant(Instant.ofEpochSecond(s.startSeconds() + 3600L * i), AMSTERDAM).equals(day)) {
                    onDay++;
                }
            }
            assertEquals(day.getMonthValue() == 10 ? 25 : 23, onDay, "hours on " + day);
        }
    }

    @Test
    void identicalDuplicatesAreStoredOnceAndGapsAsMissingWithTheirLines() throws Exception {
        Nots.Imported r = importFile("gaps.csv", utf8("time,load\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n2024-01-01T01:00:00Z,2\n"
                + "2024-01-01T02:00:00Z,3\n2024-01-01T05:00:00Z,6\n2024-01-01T06:00:00Z,\n2024-01-01T07:00:00Z,8\n"), null);
        double[] v = stored(r, "load").values();
        assertEquals(8, v.length);
        assertArrayEquals(new double[] {1, 2, 3}, java.util.Arrays.copyOf(v, 3));
        assertTrue(Double.isNaN(v[3]) && Double.isNaN(v[4]) && Double.isNaN(v[6]), "gaps are missing values");
        assertEquals(6, v[5]);
        String report = r.data().report().toString();
        assertEquals(1, r.data().report().duplicates().size(), report);
        assertEquals(2, r.data().report().gaps().size(), report);
        assertEquals(5, r.data().report().gaps().get(0).lineBefore(), report);
        assertEquals(6, r.data().report().gaps().get(0).lineAfter(), report);
    }
}
