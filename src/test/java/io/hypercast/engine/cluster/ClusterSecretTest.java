package io.hypercast.engine.cluster;

import static io.hypercast.engine.cluster.ClusterFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.Settings;
import io.hypercast.engine.cluster.ClusterFixture.WorkerProcess;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, done-when 2: a member without the cluster secret is refused and no trial runs there, at
 * each of the three gates: the cluster name (derived from the secret: a worker started with another
 * secret forms a cluster of its own), the proof a member shows (a member that got in with the right
 * cluster name but cannot prove the secret is never sent a trial), and the task signature (a worker
 * runs nothing whose signature is wrong).
 */
class ClusterSecretTest {
    static final String SECRET = "the-right-secret-" + UUID.randomUUID();
    static final String WRONG = "a-wrong-secret-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private Engine engine() {
        return Engine.open(new Settings(dir, dir.resolve("submitter.db"), "cluster", Duration.ofMinutes(10)), new TrialScheduler(2, 2),
                Clock.systemUTC());
    }

    private static ClusterOptions submitter(String cluster, int submitterPort, String secret, int... workerPorts) {
        List<String> members = new java.util.ArrayList<>();
        for (int p : workerPorts) {
            members.add("127.0.0.1:" + p);
        }
        return ClusterOptions.submitter(cluster, null, members, submitterPort, ClusterSecret.of(secret))
                .withMaxNoHeartbeatSeconds(ClusterFixture.MAX_NO_HEARTBEAT_SECONDS);
    }

    private static ClusterOptions worker(String cluster, int port, String secret, int... peers) {
        List<String> members = new java.util.ArrayList<>();
        for (int p : peers) {
            members.add("127.0.0.1:" + p);
        }
        return ClusterOptions.worker(cluster, null, members, port, ClusterSecret.of(secret), 2, 1)
                .withMaxNoHeartbeatSeconds(ClusterFixture.MAX_NO_HEARTBEAT_SECONDS);
    }

    @Test
    void aWorkerProcessWithAWrongSecretIsRefusedAndRunsNoTrial() throws Exception {
        String cluster = ClusterFixture.randomClusterName();
        int good = ClusterFixture.freePort();
        int bad = ClusterFixture.freePort();
        try (WorkerProcess g = WorkerProcess.start(dir, cluster, good, List.of(bad), SECRET, "--threads", "2", "--trial-threads", "1")) {
            g.awaitReady(60);
            try (WorkerProcess b = WorkerProcess.start(dir, cluster, bad, List.of(good), WRONG, "--threads", "2", "--trial-threads", "1");
                 Engine engine = engine()) {
                b.awaitReady(60);
                assertTrue(b.output().contains("(1 member)"), "the wrong-secret worker is alone in a cluster of its own:\n" + b.output());
                ClusterSubmitter s = engine.joinCluster(submitter(cluster, ClusterFixture.freePort(), SECRET, good, bad));
                assertTrue(await(() -> s.workers() == 1, 30), s.members().toString());
                assertTrue(s.members().stream().noneMatch(m -> m.address().equals(b.name())), "never a member: " + s.members());

                Demo.Created demo = Demo.ensure(engine);
                UUID id = engine.experiments().createHpo(demo.project().id(), ClusterFixture.fastDemoHpo(6, 2)).id();
                assertEquals(HpoState.SUCCESS, engine.experiments().run(id, Duration.ofMinutes(3), null).await(Duration.ofSeconds(60)));

                List<Trial> trials = engine.experiments().trials(id);
                assertEquals(6, trials.size());
                for (Trial t : trials) {
                    assertEquals(TrialState.COMPLETED, t.state());
                    assertEquals(g.name(), t.worker(), "trial " + t.number() + " ran on the worker with the right secret");
                }
                assertEquals(0, b.lines("trial started"), "no trial started on the wrong-secret worker:\n" + b.output());
                assertEquals(6, g.lines("trial done"), g.output());
            }
        }
    }

    @Test
    void aMemberThatCannotProveTheSecretGetsNoTrial() throws Exception {
        String cluster = ClusterFixture.randomClusterName();
        int goodPort = ClusterFixture.freePort();
        int roguePort = ClusterFixture.freePort();
        try (WorkerNode good = WorkerNode.start(worker(cluster, goodPort, SECRET, roguePort), null);
             // knows the cluster's name (it travels in clear in every join request), not its secret: its proof is made with another
             WorkerNode rogue = WorkerNode.startWithProof(worker(cluster, roguePort, SECRET, goodPort), ClusterSecret.of(WRONG), null);
             Engine engine = engine()) {
            assertTrue(await(() -> good.clusterSize() == 2 && rogue.clusterSize() == 2, 30), "the rogue member is in the cluster");
            ClusterSubmitter s = engine.joinCluster(submitter(cluster, ClusterFixture.freePort(), SECRET, goodPort, roguePort));
            assertTrue(await(() -> s.members().size() == 2, 30), s.members().toString());
            ClusterSubmitter.MemberView r = s.members().stream().filter(m -> m.address().equals(rogue.name())).findFirst().orElseThrow();
            assertFalse(r.accepted(), "the rogue is refused: " + r);
            assertTrue(s.members().stream().anyMatch(m -> m.address().equals(good.name()) && m.accepted()), s.members().toString());
            assertEquals(1, s.workers());

            Demo.Created demo = Demo.ensure(engine);
            UUID id = engine.experiments().createHpo(demo.project().id(), ClusterFixture.fastDemoHpo(6, 3)).id();
            assertEquals(HpoState.SUCCESS, engine.experiments().run(id, Duration.ofMinutes(3), null).await(Duration.ofSeconds(60)));

            List<Trial> trials = engine.experiments().trials(id);
            assertEquals(6, trials.size());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETED && good.name().equals(t.worker())), trials::toString);
            assertEquals(6, good.trialsRun());
            assertEquals(0, rogue.trialsRun(), "no trial ran on the rogue member");
            assertEquals(0, rogue.tasksRejected(), "none was even sent there");
        }
    }

    @Test
    void aWorkerRunsNoTaskWhoseSignatureIsWrong() throws Exception {
        String cluster = ClusterFixture.randomClusterName();
        try (WorkerNode node = WorkerNode.start(worker(cluster, ClusterFixture.freePort(), SECRET), null); Engine engine = engine()) {
            Demo.Created demo = Demo.ensure(engine);
            HpoSpec spec = ClusterFixture.fastDemoHpo(1, 1);
            byte[] inputs = TaskCodec.encodeInputs(spec.backtest(), engine.nots().modelInputs(demo.project().id(), demo.model()));
            byte[] digest = ClusterSecret.sha256(inputs);
            Map<String, Object> params = new LinkedHashMap<>(Nots.parameters(demo.model()));
            params.put("num_boost_round", 20L);
            params = ModelKinds.get(demo.model().type()).resolve(params, "test");
            ClusterSecret right = ClusterSecret.of(SECRET);

            byte[] trial1 = TaskCodec.encodeTrial(new TaskCodec.TrialPart(1, params, 1, 42));
            TaskCodec.Result wrong = ResultEnvelope.open(right, node.run(new TrialTask(inputs, trial1, TrialTask.sign(ClusterSecret.of(WRONG), digest, trial1))));
            assertEquals(TaskCodec.Status.REJECTED, wrong.status());
            TaskCodec.Result unsigned = ResultEnvelope.open(right, node.run(new TrialTask(inputs, trial1, new byte[32])));
            assertEquals(TaskCodec.Status.REJECTED, unsigned.status());
            byte[] tampered = trial1.clone();
            tampered[tampered.length - 1] ^= 1; // another seed, the signature of the original
            TaskCodec.Result changed = ResultEnvelope.open(right, node.run(new TrialTask(inputs, tampered, TrialTask.sign(right, digest, trial1))));
            assertEquals(TaskCodec.Status.REJECTED, changed.status());
            assertEquals(0, node.trialsRun(), "nothing ran");
            assertEquals(0, node.backtestsPrepared(), "not even the inputs were decoded");
            assertEquals(3, node.tasksRejected());

            // the same task signed with the secret runs, once: sent again it is refused as a replay
            TrialTask signed = new TrialTask(inputs, trial1, TrialTask.sign(right, digest, trial1));
            TaskCodec.Result ok = ResultEnvelope.open(right, node.run(signed));
            assertNotNull(ok);
            assertEquals(TaskCodec.Status.COMPLETED, ok.status(), ok.message());
            assertEquals(1, ok.taskId());
            assertEquals(1, node.trialsRun());
            assertEquals(TaskCodec.Status.REJECTED, ResultEnvelope.open(right, node.run(signed)).status());
            assertEquals(1, node.trialsRun());
            // and its result is believed only with the secret
            assertEquals(null, ResultEnvelope.open(ClusterSecret.of(WRONG), node.run(new TrialTask(inputs,
                    TaskCodec.encodeTrial(new TaskCodec.TrialPart(2, params, 1, 42)), TrialTask.sign(right, digest,
                            TaskCodec.encodeTrial(new TaskCodec.TrialPart(2, params, 1, 42)))))));
        }
    }
}
