package io.hypercast.ui.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.cluster.ClusterOptions;
import io.hypercast.engine.cluster.ClusterSecret;
import io.hypercast.engine.cluster.ClusterSubmitter;
import io.hypercast.engine.cluster.WorkerNode;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live trials table on a cluster: the worker of each trial, the members and their load, the fallback notice. */
class TrialsViewModelClusterTest {
    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static Experiment runToEnd(AppContext app, Engine engine, SyntheticProject sp) throws Exception {
        Experiment e = engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(SyntheticProject.hpoSpecJson(2, 2, SyntheticProject.SMALL_SPACE)));
        app.runs().start(e.id(), () -> { }, t -> {
            throw new AssertionError(t);
        });
        assertEquals(HpoState.SUCCESS, app.runs().handle(e.id()).orElseThrow().await());
        app.runs().drain();
        return engine.experiments().get(e.id());
    }

    @Test
    void showsWhereEachTrialRanTheMembersLoadAndTheFallbackToThisProcess() throws Exception {
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        int workerPort = freePort();
        try (Engine engine = TestEngines.open(dir)) {
            SyntheticProject sp = SyntheticProject.create(engine, "synthetic");
            AppContext app = AppContext.of(engine, TaskExecutor.sameThread(), new RecordingDialogs());
            TrialsViewModel vm = new TrialsViewModel(app);
            WorkerNode worker = WorkerNode.start(ClusterOptions.worker(name, null, List.of(), workerPort, ClusterSecret.none(), 2, 1), null);
            ClusterSubmitter cluster;
            try {
                cluster = engine.joinCluster(ClusterOptions.submitter(name, null, List.of("127.0.0.1:" + workerPort), freePort(), ClusterSecret.none()));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (cluster.workers() < 1 && System.nanoTime() < until) {
                    LockSupport.parkNanos(20_000_000);
                }
                Experiment onCluster = runToEnd(app, engine, sp);
                vm.show(onCluster);
                assertEquals(2, vm.rows().size());
                for (TrialsViewModel.TrialRow r : vm.rows()) {
                    assertEquals(worker.name(), r.trialProperty().get().worker(), "trial " + r.number());
                }
                assertEquals("Cluster '" + name + "': " + worker.name() + " 0/2 running, 2 done", vm.clusterProperty().get());
                assertEquals("", vm.noticeProperty().get(), "nothing to say while workers take the trials");
            } finally {
                worker.close();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cluster.workers() > 0 && System.nanoTime() < until) {
                LockSupport.parkNanos(20_000_000);
            }
            Experiment local = runToEnd(app, engine, sp);
            vm.show(local);
            assertEquals("no cluster worker left: running trials locally", vm.noticeProperty().get());
            assertTrue(vm.rows().stream().allMatch(r -> "local".equals(r.trialProperty().get().worker())), vm.rows().toString());
            vm.tick();
            assertEquals("Cluster '" + name + "': no worker (trials run here)", vm.clusterProperty().get());
        }
    }
}
