package io.hypercast.ui.importer;

import io.hypercast.engine.Nots;
import io.hypercast.engine.data.CsvImport;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.data.CsvImporter;
import io.hypercast.engine.data.ImportReport;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.ui.common.AppContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import wizard: a CSV file, its preview, the reading options (timestamp column and zone, value
 * columns, sample period, skip bad rows), and the engine's report of gaps, duplicates and bad rows,
 * all before anything is stored. Every change of an option parses the file again off the FX thread
 * (a stale parse is dropped); Import stores the parse the report describes. In append mode the rows
 * go to an existing source, and stored values they contradict are replaced only once confirmed.
 */
public final class ImportWizardViewModel {
    /** A value column and whether it is imported. */
    public record ColumnChoice(String name, BooleanProperty chosen) {
    }

    private final AppContext app;
    private final UUID projectId;
    private final Node appendTo;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> timestampColumns = FXCollections.observableArrayList();
    private final StringProperty timestampColumn = new SimpleStringProperty();
    private final StringProperty detectedOffset = new SimpleStringProperty("");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.of("UTC"));
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final StringProperty period = new SimpleStringProperty("");
    private final StringProperty inferredPeriod = new SimpleStringProperty("");
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty();
    private final StringProperty sourceName = new SimpleStringProperty("");
    private final ObjectProperty<CsvImport> parsed = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<String> reportLines = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private CsvPreview preview;
    private int generation;
    private boolean quiet;

    /** A new source in {@code projectId}, or (with {@code appendTo}) newer rows for an imported source. */
    public ImportWizardViewModel(AppContext app, UUID projectId, Node appendTo) {
        this.app = app;
        this.projectId = projectId;
        this.appendTo = appendTo;
        if (appendTo != null) {
            // rows go on the source's grid: its period, and naive timestamps in its zone
            period.set(appendTo.setting("period") == null ? "" : appendTo.setting("period"));
            if (appendTo.setting("time_zone") != null) {
                zone.set(ZoneId.of(appendTo.setting("time_zone")));
            }
        }
        timestampColumn.addListener((o, a, b) -> {
            detectedOffset.set(preview == null || b == null ? "" : nullToEmpty(preview.offset(b)));
            if (!quiet) {
                rebuildColumns();
                analyse();
            }
        });
        zone.addListener((o, a, b) -> analyse());
        period.addListener((o, a, b) -> analyse());
        skipBadRows.addListener((o, a, b) -> analyse());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public boolean appending() {
        return appendTo != null;
    }

    public Node appendTo() {
        return appendTo;
    }

    /** Asks for a file through the dialog service and opens it. */
    public void chooseFile() {
        app.dialogs().openFile("Choose a CSV file of observations", "csv").ifPresent(this::open);
    }

    /** Reads the file's first rows, guesses the options, then parses the whole file for the report. */
    public void open(Path path) {
        busy.set(true);
        app.tasks().submit(() -> CsvPreview.read(path), p -> {
            busy.set(false);
            preview = p;
            file.set(path);
            String base = path.getFileName().toString();
            sourceName.set(base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base);
            header.setAll(p.header());
            previewRows.setAll(p.rows());
            quiet = true;
            timestampColumns.setAll(p.header());
            timestampColumn.set(p.timestampGuess());
            detectedOffset.set(p.timestampGuess() == null ? "" : nullToEmpty(p.offset(p.timestampGuess())));
            quiet = false;
            rebuildColumns();
            analyse();
        }, t -> {
            busy.set(false);
            app.dialogs().error("Import", AppContext.message(t));
        });
    }

    private void rebuildColumns() {
        List<ColumnChoice> next = new ArrayList<>();
        for (String h : header) {
            if (!h.equals(timestampColumn.get())) {
                BooleanProperty on = new SimpleBooleanProperty(preview != null && preview.numeric(h));
                on.addListener((o, a, b) -> analyse());
                next.add(new ColumnChoice(h, on));
            }
        }
        columns.setAll(next);
    }

    /** The options the controls describe; an InvalidInputException names a bad one. */
    public CsvImportOptions options() {
        List<String> chosen = columns.stream().filter(c -> c.chosen().get()).map(ColumnChoice::name).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("value columns", "choose at least one column to import");
        }
        Duration p = null;
        String text = period.get() == null ? "" : period.get().strip();
        if (!text.isEmpty()) {
            try {
                p = Duration.parse(text);
            } catch (RuntimeException e) {
                throw new InvalidInputException("sample period", "'" + text + "' is not an ISO-8601 duration such as PT30M or PT1H");
            }
            if (p.isNegative() || p.isZero()) {
                throw new InvalidInputException("sample period", "must be positive, got " + text);
            }
        }
        return new CsvImportOptions(timestampColumn.get(), detectedOffset.get().isEmpty() ? zone.get() : null, chosen,
                skipBadRows.get(), p, null);
    }

    /** Parses the whole file with the current options, off the FX thread; nothing is stored. */
    public void analyse() {
        Path f = file.get();
        if (f == null || quiet) {
            return;
        }
        int gen = ++generation;
        parsed.set(null);
        reportLines.clear();
        CsvImportOptions o;
        try {
            o = options();
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        busy.set(true);
        app.tasks().submit(() -> CsvImporter.importFile(f, o), d -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            parsed.set(d);
            inferredPeriod.set(d.period().toString());
            reportLines.setAll(describe(d.report()));
        }, t -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            String m = AppContext.message(t);
            problem.set(t instanceof InvalidInputException && m.contains(":") && !skipBadRows.get()
                    ? m + "  —  tick \"Skip bad rows\" to import the file without it" : m);
        });
    }

    /** The report as lines a person reads: counts, then each gap, duplicate and bad row with its line numbers. */
    public static List<String> describe(ImportReport r) {
        List<String> out = new ArrayList<>();
        out.add(r.rowsRead() + " rows read, " + r.rowsImported() + " imported; " + r.gaps().size() + " gap(s), "
                + r.duplicates().size() + " duplicate(s), " + r.badRows().size() + " bad row(s) skipped");
        r.badRows().forEach(b -> out.add("Bad row: " + b + " (\"" + b.raw() + "\")"));
        r.gaps().forEach(g -> out.add("Gap: " + g));
        r.duplicates().forEach(d -> out.add("Duplicate: " + d));
        r.notes().forEach(n -> out.add("Note: " + n));
        return out;
    }

    /** Stores the parse the report shows: one source and one time series per column (or appends). */
    public void importNow(Consumer<String> done) {
        CsvImport d = parsed.get();
        Path f = file.get();
        if (d == null || f == null) {
            return;
        }
        CsvImportOptions o = options();
        busy.set(true);
        if (appendTo == null) {
            String name = sourceName.get() == null || sourceName.get().isBlank() ? "source" : sourceName.get().strip();
            app.tasks().submit(() -> app.engine().nots().importData(projectId, d, f.getFileName().toString(), o, name), r -> {
                busy.set(false);
                done.accept("Imported '" + r.source().name() + "': " + r.timeSeries().size() + " time series, "
                        + d.report().rowsImported() + " rows.");
            }, this::failed);
            return;
        }
        append(f, o, false, done);
    }

    private void append(Path f, CsvImportOptions o, boolean replace, Consumer<String> done) {
        app.tasks().submit(() -> app.engine().nots().appendCsv(projectId, appendTo.id().toString(), f, o, replace), a -> {
            busy.set(false);
            done.accept("Appended to '" + appendTo.name() + "': " + a.added() + " new value(s)" + (a.replaced() > 0 ? ", " + a.replaced() + " replaced" : "") + ".");
        }, t -> {
            String m = AppContext.message(t);
            if (!replace && t instanceof InvalidInputException && m.contains("contradict")) {
                if (app.dialogs().confirm("Replace stored values?", m.replace("; nothing was stored (confirm with --replace-conflicts to overwrite them)", "")
                        + "\n\nNothing has been stored yet. Replace the stored values with the file's?", "Replace")) {
                    append(f, o, true, done);
                    return;
                }
                busy.set(false);
                problem.set("Nothing was stored: the file contradicts stored values and replacing them was declined.");
                return;
            }
            failed(t);
        });
    }

    private void failed(Throwable t) {
        busy.set(false);
        app.dialogs().error("Import refused", AppContext.message(t));
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObservableList<String> header() {
        return header;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ObservableList<String> timestampColumns() {
        return timestampColumns;
    }

    public StringProperty timestampColumnProperty() {
        return timestampColumn;
    }

    /** The offset written on the timestamps ("+01:00", "Z"), or empty when they are naive and the zone applies. */
    public StringProperty detectedOffsetProperty() {
        return detectedOffset;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    /** The sample period typed by the user; empty: inferred from the timestamps. */
    public StringProperty periodProperty() {
        return period;
    }

    public StringProperty inferredPeriodProperty() {
        return inferredPeriod;
    }

    public BooleanProperty skipBadRowsProperty() {
        return skipBadRows;
    }

    public StringProperty sourceNameProperty() {
        return sourceName;
    }

    public ObjectProperty<CsvImport> parsedProperty() {
        return parsed;
    }

    /** Why the file cannot be imported with these options (a bad row, no column chosen), or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<String> reportLines() {
        return reportLines;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
