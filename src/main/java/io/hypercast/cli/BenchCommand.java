package io.hypercast.cli;

import io.hypercast.engine.bench.Bench;
import io.hypercast.engine.bench.BenchConfig;
import io.hypercast.engine.bench.BenchTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = {
        "Measure speed, search quality and overhead against the peers and the targets: the demo HPO, a fixed trial, TPE suggestion time, search quality on "
                + "Branin and Hartmann6, cost growth, store writes and peak memory.",
        "Prints one table (progress goes to stderr). Runs in a temporary store unless --db is given (its bench projects are then left in it).",
        "Takes 2-3 minutes on an idle 2-core machine; --quick well under one, with fewer trials and runs (said in the notes)."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--quick", description = "Fewer trials and runs: well under a minute, less precise.")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the table as CSV (section,item,value,unit,target,met,peer,note).")
    Path out;

    @Option(names = "--markdown", description = "Print the table as Markdown (as in README) instead of aligned text.")
    boolean markdown;

    @Override
    public Integer call() throws IOException {
        BenchConfig cfg = quick ? BenchConfig.quick() : BenchConfig.full();
        long t0 = System.nanoTime();
        BenchTable table = Bench.run(cfg, common.db, step -> common.err().println("bench: " + step + " ..."));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, table.toCsv(), StandardCharsets.UTF_8);
        }
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", cfg.name());
            m.put("seconds", seconds);
            m.put("rows", table.toMaps());
            common.printJson(m);
        } else {
            common.out().print(markdown ? table.toMarkdown() : table.toText());
            common.out().printf("(%s mode, %.0f s%s)%n", cfg.name(), seconds, out == null ? "" : "; CSV written to " + out);
        }
        return Main.OK;
    }
}
