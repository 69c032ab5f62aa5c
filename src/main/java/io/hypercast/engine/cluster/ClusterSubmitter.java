package io.hypercast.engine.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MemberSelector;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.hpo.TrialEvaluator;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.model.BacktestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * This process in a cluster as a submitter: a lite member (no data, no tasks) that sends trials to
 * worker members. A member receives trials only if it says it is a worker and proves the cluster
 * secret for its own address ({@code provenWorkers}); others are refused once, with a notice.
 *
 * <p>Thread-safe. Load figures count this process's trials only.
 */
public final class ClusterSubmitter implements AutoCloseable {
    private final ClusterOptions options;
    private final HazelcastInstance hz;
    private final IExecutorService executor;
    private final TrialScheduler waiting;
    private final Map<UUID, AtomicInteger> load = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> done = new ConcurrentHashMap<>();
    private final Set<UUID> refused = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Selects the members that may run our trials: workers that proved the secret. */
    final MemberSelector provenWorkers;

    /** One member as the window and the command line show it. */
    public record MemberView(String address, String role, boolean accepted, int threads, int running, int completed) {
    }

    private ClusterSubmitter(ClusterOptions options) {
        this.options = options;
        this.provenWorkers = this::accepts;
        this.hz = Hazelcast.newHazelcastInstance(MemberConfig.submitter(options));
        this.executor = hz.getExecutorService(MemberConfig.EXECUTOR);
        // trials on the cluster wait here for their remote result; a few more than a run's 5 in flight,
        // with this machine's cores for the trials that fall back to running here
        int cores = Runtime.getRuntime().availableProcessors();
        this.waiting = new TrialScheduler(32, cores);
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                Member m = e.getMember();
                if (isWorker(m) && accepts(m)) {
                    notice("worker " + name(m) + " joined (" + threadsOf(m) + " trials at once)");
                } else {
                    check(m);
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                Member m = e.getMember();
                if (isWorker(m) && accepts(m)) {
                    notice("worker " + name(m) + " left the cluster");
                }
                load.remove(m.getUuid());
            }
        });
        for (Member m : hz.getCluster().getMembers()) {
            check(m);
        }
    }

    /** Joins (or forms) the cluster as a lite member; returns once it is in. */
    public static ClusterSubmitter join(ClusterOptions options) {
        return new ClusterSubmitter(options);
    }

    /** Told of members that join, leave or are refused, and of trials that move (one line each). */
    public void addListener(Consumer<String> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<String> l) {
        listeners.remove(l);
    }

    void notice(String message) {
        for (Consumer<String> l : listeners) {
            try {
                l.accept(message);
            } catch (RuntimeException ignored) {
                // a listener's fault is its own
            }
        }
    }

    private void check(Member m) {
        if (m.localMember() || !isWorker(m)) {
            return;
        }
        if (!accepts(m) && refused.add(m.getUuid())) {
            notice("refused member " + name(m) + ": it does not prove the cluster secret; no trial is sent there");
        }
    }

    static boolean isWorker(Member m) {
        return MemberConfig.WORKER.equals(m.getAttribute(MemberConfig.ROLE)) && !m.isLiteMember();
    }

    /** A worker that proved, for the address it has in the cluster, that it knows the secret. */
    boolean accepts(Member m) {
        return isWorker(m) && options.secret().checkProof(m.getAttribute(MemberConfig.PROOF), options.clusterId(), m.getAddress().getHost(),
                m.getAttribute(MemberConfig.NONCE));
    }

    static int threadsOf(Member m) {
        try {
            return Math.max(1, Integer.parseInt(m.getAttribute(MemberConfig.THREADS)));
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    static String name(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /** The least loaded accepted worker (running trials per slot) not in {@code avoid}, or null when there is none. */
    Member pick(Set<UUID> avoid) {
        Member best = null;
        double bestLoad = Double.MAX_VALUE;
        for (Member m : hz.getCluster().getMembers()) {
            if (!provenWorkers.select(m) || avoid.contains(m.getUuid())) {
                continue;
            }
            double l = (double) load.computeIfAbsent(m.getUuid(), k -> new AtomicInteger()).get() / threadsOf(m);
            if (l < bestLoad) {
                best = m;
                bestLoad = l;
            }
        }
        if (best != null) {
            sawWorker = true;
        }
        return best;
    }

    private volatile boolean sawWorker;

    /** Whether a worker was ever picked here: "none left" rather than "none joined". */
    boolean sawWorker() {
        return sawWorker;
    }

    void started(Member m) {
        load.computeIfAbsent(m.getUuid(), k -> new AtomicInteger()).incrementAndGet();
    }

    void ended(Member m, boolean completed) {
        AtomicInteger n = load.get(m.getUuid());
        if (n != null) {
            n.decrementAndGet();
        }
        if (completed) {
            done.computeIfAbsent(m.getUuid(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    boolean running() {
        return hz.getLifecycleService().isRunning();
    }

    IExecutorService executor() {
        return executor;
    }

    public ClusterOptions options() {
        return options;
    }

    /** Every member of the cluster but this one, with this process's trials on each. */
    public List<MemberView> members() {
        List<MemberView> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (m.localMember()) {
                continue;
            }
            String role = m.getAttribute(MemberConfig.ROLE);
            AtomicInteger running = load.get(m.getUuid());
            AtomicInteger completed = done.get(m.getUuid());
            out.add(new MemberView(name(m), role == null ? "unknown" : role, accepts(m), isWorker(m) ? threadsOf(m) : 0,
                    running == null ? 0 : running.get(), completed == null ? 0 : completed.get()));
        }
        return out;
    }

    /** How many accepted workers the cluster has now. */
    public int workers() {
        int n = 0;
        for (Member m : hz.getCluster().getMembers()) {
            if (provenWorkers.select(m)) {
                n++;
            }
        }
        return n;
    }

    /** The pool whose threads wait for the remote trials (HpoRun's scheduler for runs on the cluster). */
    public TrialScheduler scheduler() {
        return waiting;
    }

    /**
     * The evaluator of one run: its trials go to the cluster's workers; with no worker left they run
     * here, on {@code local}. {@code notices} hears of both (and of trials moved after a worker died).
     */
    public TrialEvaluator evaluator(BacktestSpec spec, ModelInputs inputs, PreparedBacktest local, Consumer<String> notices) {
        return new ClusterTrialEvaluator(this, spec, inputs, local, notices);
    }

    @Override
    public void close() {
        waiting.close();
        hz.shutdown();
    }
}
