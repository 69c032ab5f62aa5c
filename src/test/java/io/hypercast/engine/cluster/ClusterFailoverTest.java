package io.hypercast.engine.cluster;

import static io.hypercast.engine.cluster.ClusterFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.RunHandle;
import io.hypercast.engine.Settings;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.cluster.ClusterFixture.WorkerProcess;
import io.hypercast.engine.hpo.RunListener;
import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, done-when 1: two worker processes and a submitter on 127.0.0.1 run a 20-trial HPO with 4
 * trials at once; one worker is killed with SIGKILL while it runs a trial. The run ends with exactly
 * 20 trials, all COMPLETED, numbered 1..20 once each, and each trial's metrics are exactly those of
 * the same backtest run in this process (same resolved parameters, same seed, one LightGBM thread on
 * both sides: LightGBM runs with deterministic=true, so the numbers agree bit for bit).
 */
class ClusterFailoverTest {
    static final int TRIALS = 20;
    static final int CONCURRENT = 4;
    static final String SECRET = "failover-test-secret-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void aWorkerKilledMidRunLosesNoTrialAndEveryTrialMatchesTheInProcessBacktest() throws Exception {
        String cluster = ClusterFixture.randomClusterName();
        int portA = ClusterFixture.freePort();
        int portB = ClusterFixture.freePort();
        int portSubmitter = ClusterFixture.freePort();
        List<String> notices = new CopyOnWriteArrayList<>();
        try (WorkerProcess a = WorkerProcess.start(dir, cluster, portA, List.of(portB), SECRET, "--threads", "2", "--trial-threads", "1")) {
            a.awaitReady(60);
            try (WorkerProcess b = WorkerProcess.start(dir, cluster, portB, List.of(portA), SECRET, "--threads", "2", "--trial-threads", "1");
                 Engine engine = Engine.open(new Settings(dir, dir.resolve("submitter.db"), "cluster", Duration.ofMinutes(10)),
                         new TrialScheduler(2, 2), Clock.systemUTC())) {
                b.awaitReady(60);
                assertTrue(b.output().contains("(2 members)"), "B joined A's cluster:\n" + b.output());
                Demo.Created demo = Demo.ensure(engine);
                HpoSpec spec = ClusterFixture.fastDemoHpo(TRIALS, CONCURRENT);
                UUID id = engine.experiments().createHpo(demo.project().id(), spec).id();

                ClusterSubmitter submitter = engine.joinCluster(ClusterOptions.submitter(cluster, null,
                        List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB), portSubmitter, ClusterSecret.of(SECRET))
                        .withMaxNoHeartbeatSeconds(ClusterFixture.MAX_NO_HEARTBEAT_SECONDS));
                assertTrue(await(() -> submitter.workers() == 2, 30), "both workers accepted: " + submitter.members());

                RunHandle run = engine.experiments().run(id, Duration.ofMinutes(5), new RunListener() {
                    @Override
                    public void onProgress(RunProgress p) {
                    }

                    @Override
                    public void onNotice(UUID experimentId, String message) {
                        notices.add(message);
                    }
                });
                // kill A once a few trials are done and A is in the middle of one
                boolean moment = await(() -> completed(engine, id) >= 3 && a.lines("trial started") > a.lines("trial done")
                        || run.completion().isDone(), 60);
                if (!moment || run.completion().isDone()) {
                    fail("no moment with A mid-trial after 3 completed trials (run done: " + run.completion().isDone() + ")\nA:\n" + a.output());
                }
                long doneOnABeforeKill = a.lines("trial done");
                a.kill();

                assertEquals(HpoState.SUCCESS, run.await(Duration.ofSeconds(90)), "notices: " + notices + "\nB:\n" + b.output());
                List<Trial> trials = engine.experiments().trials(id);
                assertEquals(TRIALS, trials.size(), trials::toString);
                assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETED), trials::toString);
                Set<Integer> numbers = trials.stream().map(Trial::number).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(TRIALS, numbers.size(), "trial numbers are unique");
                assertEquals(1, (int) ((TreeSet<Integer>) numbers).first());
                assertEquals(TRIALS, (int) ((TreeSet<Integer>) numbers).last());

                // the trial A was running was lost with it and ran again on B
                assertTrue(notices.stream().anyMatch(n -> n.contains("worker " + a.name() + " was lost during a trial")), notices.toString());
                long onA = trials.stream().filter(t -> a.name().equals(t.worker())).count();
                long onB = trials.stream().filter(t -> b.name().equals(t.worker())).count();
                assertEquals(TRIALS, onA + onB, "every trial ran on a worker: " + trials.stream().map(Trial::worker).toList());
                assertTrue(onA <= doneOnABeforeKill, "A is recorded only for trials it finished before the kill: " + onA + " > " + doneOnABeforeKill);
                assertTrue(onB > 0);

                PreparedBacktest prepared = ClusterFixture.prepared(engine, demo, spec);
                for (Trial t : trials) {
                    TrialOutcome here = ClusterFixture.inProcess(engine, demo, prepared, t);
                    assertEquals(here.metrics(), t.metrics(), "trial " + t.number() + " on " + t.worker() + " " + t.parameters());
                    assertEquals(here.metrics().rmse(), t.objective(), "trial " + t.number());
                }
            }
        }
    }

    private static long completed(Engine engine, UUID id) {
        return engine.experiments().trials(id).stream().filter(t -> t.state() == TrialState.COMPLETED).count();
    }
}
