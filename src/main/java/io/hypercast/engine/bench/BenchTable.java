package io.hypercast.engine.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures in order, printable as an aligned text table and as CSV. */
public final class BenchTable {
    public static final List<String> COLUMNS = List.of("section", "item", "value", "unit", "target", "met", "peer", "note");

    private final List<BenchRow> rows = new ArrayList<>();

    public synchronized void add(BenchRow row) {
        rows.add(row);
    }

    public synchronized List<BenchRow> rows() {
        return Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Rows of one section (matched by its leading number, e.g. "3"). */
    public List<BenchRow> section(String number) {
        return rows().stream().filter(r -> r.section().startsWith(number + " ")).toList();
    }

    /** A figure to 4 significant digits, plain (no exponent), without trailing zeros. */
    public static String format(Double v) {
        if (v == null) {
            return "";
        }
        if (v.isNaN() || v.isInfinite()) {
            return v.toString();
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4));
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (BenchRow r : rows()) {
            List<String> cells = List.of(r.section(), r.item(), format(r.value()), r.unit(), r.target() == null ? "" : r.target().toString(),
                    r.met(), r.peer(), r.note());
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(csvCell(cells.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting; a cell starting with = + - @ gets a leading quote mark so a spreadsheet does not run it (numbers excepted). */
    static String csvCell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The table as aligned text: one line per row, the note last. */
    public String toText() {
        List<BenchRow> all = rows();
        int wSection = "section".length();
        int wItem = "item".length();
        int wValue = "value".length();
        int wTarget = "target".length();
        int wPeer = "peer".length();
        for (BenchRow r : all) {
            wSection = Math.max(wSection, r.section().length());
            wItem = Math.max(wItem, r.item().length());
            wValue = Math.max(wValue, valueText(r).length());
            wTarget = Math.max(wTarget, r.target() == null ? 0 : r.target().toString().length());
            wPeer = Math.max(wPeer, r.peer().length());
        }
        String fmt = "%-" + wSection + "s  %-" + wItem + "s  %" + wValue + "s  %-" + wTarget + "s  %-3s  %-" + wPeer + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "section", "item", "value", "target", "met", "peer", "note"));
        String last = null;
        for (BenchRow r : all) {
            boolean first = !r.section().equals(last);
            last = r.section();
            sb.append(String.format(Locale.ROOT, fmt, first ? r.section() : "", r.item(), valueText(r),
                    r.target() == null ? "" : r.target().toString(), r.met(), r.peer(), r.note()).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The table as Markdown (for README): one row per figure, the section named on its first row. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| section | item | value | target | met | peer | note |\n|---|---|--:|---|---|---|---|\n");
        String last = null;
        for (BenchRow r : rows()) {
            boolean first = !r.section().equals(last);
            last = r.section();
            sb.append("| ").append(first ? md(r.section()) : "").append(" | ").append(md(r.item())).append(" | ").append(md(valueText(r)))
                    .append(" | ").append(r.target() == null ? "" : md(r.target().toString())).append(" | ").append(r.met())
                    .append(" | ").append(md(r.peer())).append(" | ").append(md(r.note())).append(" |\n");
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String valueText(BenchRow r) {
        if (r.value() == null) {
            return "-";
        }
        return r.unit().isEmpty() ? format(r.value()) : format(r.value()) + " " + r.unit();
    }

    /** One map per row, for --json. */
    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BenchRow r : rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("section", r.section());
            m.put("item", r.item());
            m.put("value", r.value() == null || r.value().isNaN() ? null : r.value());
            m.put("unit", r.unit());
            m.put("target", r.target() == null ? null : r.target().toString());
            m.put("met", r.met().isEmpty() ? null : r.met().equals("yes"));
            m.put("peer", r.peer());
            m.put("note", r.note());
            out.add(m);
        }
        return out;
    }
}
