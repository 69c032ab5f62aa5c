package io.hypercast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on the real demo data, with a small HPO; exit codes and JSON fields. */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = dir.resolve("cli.db").toString();
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private Path smallSpec(String algorithm) throws Exception {
        return smallSpec(algorithm, "\"mean_absolute_error\"");
    }

    private Path smallSpec(String algorithm, String secondObjective) throws Exception {
        String spec = Files.readString(Path.of("assets/examples/demo-hpo.json"));
        JsonNode n = json(spec);
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).set("search_space", json("""
                {"num_boost_round": {"type": "QUniform", "lower": 20, "upper": 60, "q": 20},
                 "learning_rate": {"type": "LogUniform", "lower": 0.05, "upper": 0.2},
                 "objective": {"type": "Choice", "choices": ["mean_squared_error", %s]}}""".formatted(secondObjective)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).set("search_algorithm", json(algorithm));
        Path f = dir.resolve("small.json");
        Files.writeString(f, n.toString());
        return f;
    }

    @Test
    void demoIsIdempotentAndASmallHpoRunsToResultAndCsvs() throws Exception {
        Result demo = run("demo", "--json");
        assertEquals(0, demo.code(), demo.err());
        JsonNode d = json(demo.out());
        Result again = run("demo", "--json");
        assertEquals(d.get("project").asText(), json(again.out()).get("project").asText(), "a second call reuses the project");
        assertEquals(d.get("hpo").asText(), json(again.out()).get("hpo").asText(), "and its DRAFT HPO");

        String project = d.get("project").asText();
        // a Choice value the model refuses: the objective must be one of the four names
        Result refused = run("hpo", "create", "--project", project, "--spec",
                smallSpec("{\"type\": \"Hyperopt\", \"num_trials\": 3, \"max_concurrent_trials\": 2, \"n_startup_jobs\": 2}",
                        "\"=cmd|' /C calc'!A0\"").toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("search_space.objective"), refused.err());

        Path spec = smallSpec("{\"type\": \"Hyperopt\", \"num_trials\": 3, \"max_concurrent_trials\": 2, \"n_startup_jobs\": 2}");
        Result created = run("hpo", "create", "--project", project, "--spec", spec.toString(), "--json");
        assertEquals(0, created.code(), created.err());
        String hpo = json(created.out()).get("uuid").asText();

        Result ran = run("hpo", "run", hpo, "--wait", "--json");
        assertEquals(0, ran.code(), ran.err());
        assertEquals("SUCCESS", json(ran.out()).get("state").asText());

        Path trials = dir.resolve("trials.csv");
        Path preds = dir.resolve("predictions.csv");
        Result result = run("hpo", "result", hpo, "--json", "--trials-csv", trials.toString(), "--predictions-csv", preds.toString());
        assertEquals(0, result.code(), result.err());
        JsonNode r = json(result.out());
        JsonNode best = r.get("best_trial");
        assertNotNull(best.get("number"));
        assertTrue(best.get("parameters").get("num_boost_round").isIntegralNumber(), "integers stay integers: " + best);
        for (String m : List.of("mae", "mape", "rmse", "mse")) {
            assertTrue(best.get("metrics").get(m).isNumber(), m);
        }
        assertEquals(3, r.get("trials").size());
        for (JsonNode t : r.get("trials")) {
            for (String key : List.of("number", "state", "parameters", "metrics", "error")) {
                assertTrue(t.has(key), key);
            }
        }

        List<String> trialLines = Files.readAllLines(trials, StandardCharsets.UTF_8);
        assertEquals("number,state,num_boost_round,learning_rate,objective,mae,mape,mse,rmse,start,end,seconds,error,worker", trialLines.get(0));
        assertEquals(4, trialLines.size());
        String nbr = trialLines.get(1).split(",")[2];
        assertTrue(nbr.matches("\\d+"), "num_boost_round written as an integer: " + nbr);
        List<String> predLines = Files.readAllLines(preds, StandardCharsets.UTF_8);
        assertEquals("time,reference_time,target,prediction", predLines.get(0));
        assertEquals(1 + 28 * 48, predLines.size(), "28 days x 48 half-hours");
        assertTrue(predLines.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,.*"), predLines.get(1));

        Result list = run("hpo", "list", "--project", project, "--json");
        assertEquals(2, json(list.out()).get("hpos").size());

        // a run HPO is read-only: running it again is refused and names the way out, a DRAFT copy
        Result rerun = run("hpo", "run", hpo, "--wait");
        assertEquals(2, rerun.code(), rerun.err());
        assertTrue(rerun.err().contains("hpo duplicate"), rerun.err());
        Result dup = run("hpo", "duplicate", hpo, "--json");
        assertEquals(0, dup.code(), dup.err());
        assertEquals("DRAFT", json(dup.out()).get("state").asText());
        assertNotEquals(hpo, json(dup.out()).get("uuid").asText());
        assertEquals(3, json(run("hpo", "list", "--project", project, "--json").out()).get("hpos").size());
    }

    @Test
    void exitCodesNameTheProblem() throws Exception {
        Result usage = run("hpo", "run");
        assertEquals(2, usage.code());
        Result missing = run("hpo", "show", "00000000-0000-0000-0000-000000000000");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("00000000-0000-0000-0000-000000000000"), missing.err());

        String project = json(run("project", "create", "--title", "empty", "--json").out()).get("uuid").asText();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"title\": \"x\", \"model\": ");
        Result truncated = run("hpo", "create", "--project", project, "--spec", broken.toString());
        assertEquals(2, truncated.code());
        Result truncatedJson = run("hpo", "create", "--project", project, "--spec", broken.toString(), "--json");
        assertEquals(2, truncatedJson.code());
        JsonNode failure = json(truncatedJson.out());
        assertEquals("invalid_input", failure.get("kind").asText());
        assertEquals(2, failure.get("exit_code").asInt());
        assertTrue(failure.get("error").asText().contains("broken.json"), failure.toString());
        assertTrue(truncated.err().contains("line"), truncated.err());

        String demoProject = json(run("demo", "--json").out()).get("project").asText();
        Result limit = run("hpo", "create", "--project", demoProject, "--spec",
                smallSpec("{\"type\": \"Hyperopt\", \"num_trials\": 151, \"max_concurrent_trials\": 2}").toString());
        assertEquals(3, limit.code(), limit.err());
        assertTrue(limit.err().contains("trials per HPO") && limit.err().contains("150"), limit.err());
    }
}
