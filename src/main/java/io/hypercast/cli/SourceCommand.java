package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "source", description = "Bring data into a project.", mixinStandardHelpOptions = true)
final class SourceCommand {

    @Command(name = "append", description = "Append newer rows to an imported source; rows that contradict stored values are refused unless --replace-conflicts.")
    int append(@Mixin Common c,
               @Option(names = "--project", required = true, paramLabel = "P", description = "The project's title or uuid.") String project,
               @Option(names = "--source", required = true, paramLabel = "S", description = "The source's name or uuid.") String source,
               @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file (comma, semicolon or tab separated; a header line).") Path csv,
               @Option(names = "--timestamp-column", paramLabel = "C", description = "The column holding the timestamps (default: one named like time, date, timestamp or datetime, else the first).") String timestampColumn,
               @Option(names = "--time-zone", paramLabel = "Z", description = "Zone of timestamps without an offset (e.g. Europe/London).") String zone,
               @Option(names = "--skip-bad-rows", description = "Skip unparsable rows (reported) instead of refusing the file.") boolean skipBadRows,
               @Option(names = "--replace-conflicts", description = "Overwrite stored values that the new rows contradict.") boolean replace) {
        if (!Files.isRegularFile(csv)) {
            throw new InvalidInputException("--csv", "no file " + csv);
        }
        ZoneId z = zone == null ? null : zone(zone);
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Nots.Appended a = engine.nots().appendCsv(p.id(), source, csv, new CsvImportOptions(timestampColumn, z, null, skipBadRows), replace);
            if (c.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", a.source().id().toString());
                m.put("added", a.added());
                m.put("replaced", a.replaced());
                m.put("conflicts", a.conflicts());
                c.printJson(m);
            } else {
                c.out().println("appended " + a.added() + " value(s) to " + a.source().name() + (a.replaced() > 0 ? ", replaced " + a.replaced() : ""));
            }
            return Main.OK;
        }
    }

    static Map<String, Object> reportJson(io.hypercast.engine.data.ImportReport rep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows_read", rep.rowsRead());
        m.put("rows_imported", rep.rowsImported());
        m.put("gaps", rep.gaps().stream().map(Object::toString).toList());
        m.put("duplicates", rep.duplicates().stream().map(Object::toString).toList());
        m.put("bad_rows", rep.badRows().stream().map(Object::toString).toList());
        m.put("notes", rep.notes());
        return m;
    }

    static void printReport(Common c, io.hypercast.engine.data.ImportReport rep) {
        c.out().println(rep.rowsRead() + " rows read, " + rep.rowsImported() + " imported");
        rep.notes().forEach(n -> c.out().println("note: " + n));
        rep.gaps().forEach(g -> c.out().println("gap: " + g));
        // a conflicting duplicate that was skipped is said once, as the skipped row (the JSON keeps both lists whole)
        java.util.Set<Integer> skipped = new java.util.HashSet<>();
        rep.badRows().forEach(b -> skipped.add(b.line()));
        rep.duplicates().stream().filter(d -> d.identical() || !skipped.contains(d.line())).forEach(d -> c.out().println("duplicate: " + d));
        rep.badRows().forEach(b -> c.out().println("skipped bad row: " + b));
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("--time-zone", "'" + zone + "' is not a time zone (e.g. Europe/London, UTC)");
        }
    }

    @Command(name = "import", description = "Import a CSV: one Source and one Time Series per value column. A bad row refuses the whole file unless --skip-bad-rows.")
    int importCsv(@Mixin Common c,
                  @Option(names = "--project", required = true, paramLabel = "P", description = "The project's title or uuid.") String project,
                  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file (comma, semicolon or tab separated; a header line).") Path csv,
                  @Option(names = "--timestamp-column", paramLabel = "C", description = "The column holding the timestamps (default: one named like time, date, timestamp or datetime, else the first).") String timestampColumn,
                  @Option(names = "--time-zone", paramLabel = "Z", description = "Zone of timestamps without an offset (e.g. Europe/London).") String zone,
                  @Option(names = "--columns", paramLabel = "a,b", split = ",", description = "The value columns to import (default: every column of numbers).") String[] columns,
                  @Option(names = "--name", paramLabel = "NAME", description = "The source's name (default: the file name).") String name,
                  @Option(names = "--skip-bad-rows", description = "Skip unparsable rows (reported) instead of refusing the file.") boolean skipBadRows) {
        if (!Files.isRegularFile(csv)) {
            throw new InvalidInputException("--csv", "no file " + csv);
        }
        ZoneId z = null;
        if (zone != null) {
            try {
                z = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new InvalidInputException("--time-zone", "'" + zone + "' is not a time zone (e.g. Europe/London, UTC)");
            }
        }
        List<String> cols = columns == null ? null : Arrays.asList(columns);
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Nots.Imported r = engine.nots().importCsv(p.id(), csv, new CsvImportOptions(timestampColumn, z, cols, skipBadRows), name);
            if (c.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", r.source().id().toString());
                Map<String, String> ts = new LinkedHashMap<>();
                for (Node n : r.timeSeries()) {
                    ts.put(n.name(), n.id().toString());
                }
                m.put("time_series", ts);
                m.put("period", r.data().period().toString());
                m.put("report", reportJson(r.data().report()));
                c.printJson(m);
            } else {
                c.out().println("source " + r.source().id() + "  " + r.source().name() + "  (period " + r.data().period() + ")");
                for (Node n : r.timeSeries()) {
                    c.out().println("time series " + n.id() + "  " + n.name());
                }
                printReport(c, r.data().report());
            }
            return Main.OK;
        }
    }
}
