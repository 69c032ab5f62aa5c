package io.hypercast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hypercast worker` and `hpo run --cluster` at the command line: refusals (exit 2) and the fallback to this process. */
class ClusterCommandLineTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aWorkerOnANetworkInterfaceWithoutASecretIsRefused() {
        Result r = run("worker", "--interface", "10.1.2.3", "--threads", "2");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--interface") && r.err().contains("needs a shared secret") && r.err().contains("--secret-file"), r.err());
    }

    @Test
    void aShortSecretAndAMissingSecretFileAreRefused() throws Exception {
        Path shortSecret = dir.resolve("short.txt");
        Files.writeString(shortSecret, "too-short\n");
        Result r = run("worker", "--secret-file", shortSecret.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("at least 16 characters"), r.err());
        Result missing = run("worker", "--secret-file", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("no file"), missing.err());
        Result badName = run("worker", "--cluster", "no spaces allowed");
        assertEquals(2, badName.code(), badName.err());
    }

    /** With no worker in the cluster the run still ends: its trials run here, and it says so. */
    @Test
    void aRunOnAClusterWithoutWorkersRunsItsTrialsLocallyAndSaysSo() throws Exception {
        String db = dir.resolve("cli.db").toString();
        Result demo = run("demo", "--json", "--db", db);
        assertEquals(0, demo.code(), demo.err());
        ObjectMapper json = new ObjectMapper();
        String project = json.readTree(demo.out()).get("project").asText();
        JsonNode spec = json.readTree(Files.readString(Path.of("assets/examples/demo-hpo.json")));
        ((ObjectNode) spec).set("search_space", json.readTree("{\"num_boost_round\": {\"type\": \"QUniform\", \"lower\": 20, \"upper\": 40, \"q\": 10}}"));
        ((ObjectNode) spec).set("search_algorithm", json.readTree("{\"type\": \"Random\", \"num_trials\": 3, \"max_concurrent_trials\": 2}"));
        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, spec.toString());
        Result created = run("hpo", "create", "--project", project, "--spec", specFile.toString(), "--json", "--db", db);
        assertEquals(0, created.code(), created.err());
        String hpo = json.readTree(created.out()).get("uuid").asText();

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Result ran = run("hpo", "run", hpo, "--wait", "--db", db, "--cluster", "cli-" + UUID.randomUUID().toString().substring(0, 8),
                "--port", Integer.toString(port));
        assertEquals(0, ran.code(), ran.err());
        assertTrue(ran.err().contains("with 0 accepted worker(s)"), ran.err());
        assertTrue(ran.err().contains("cluster: no cluster worker has joined: running trials locally"), ran.err());

        Result result = run("hpo", "result", hpo, "--json", "--db", db);
        assertEquals(0, result.code(), result.err());
        JsonNode trials = json.readTree(result.out()).get("trials");
        assertEquals(3, trials.size());
        for (JsonNode t : trials) {
            assertEquals("COMPLETED", t.get("state").asText());
            assertEquals("local", t.get("worker").asText(), t.toString());
        }
    }
}
