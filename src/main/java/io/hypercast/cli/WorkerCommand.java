package io.hypercast.cli;

import io.hypercast.engine.cluster.ClusterOptions;
import io.hypercast.engine.cluster.WorkerNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "worker", description = {
        "Run trials for HPOs of other machines: join (or start) a cluster as a worker and run the trials submitters send, until stopped (Ctrl-C).",
        "Binds to 127.0.0.1 unless --interface is given; an interface other machines can reach needs a shared secret"
                + " (--secret-file or HYPERCAST_CLUSTER_SECRET), the same on every member. A worker needs no store."})
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterArgs cluster;

    @Option(names = "--threads", paramLabel = "N", description = "Trials this worker runs at once (default: 1).")
    int threads = 1;

    @Option(names = "--trial-threads", paramLabel = "N", description = "LightGBM threads per trial (default 0: the cores divided by the trials running).")
    int trialThreads;

    @Override
    public Integer call() throws InterruptedException {
        ClusterOptions o = cluster.worker(threads, trialThreads);
        java.io.PrintWriter out = common.out();
        WorkerNode node = WorkerNode.start(o, line -> {
            synchronized (out) {
                out.println("worker: " + line);
                out.flush();
            }
        });
        Thread hook = new Thread(node::close, "hypercast-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        synchronized (out) {
            out.printf(Locale.ROOT, "worker %s ready in cluster %s (%d member%s), %d trial%s at once%s%n", node.name(), o.name(),
                    node.clusterSize(), node.clusterSize() == 1 ? "" : "s", o.threads(), o.threads() == 1 ? "" : "s",
                    o.secret().given() ? ", tasks signed with the shared secret" : ", no secret (this machine only)");
            out.flush();
        }
        node.awaitStop();
        return Main.OK;
    }
}
