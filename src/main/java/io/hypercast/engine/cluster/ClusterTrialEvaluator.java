package io.hypercast.engine.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.hypercast.engine.backtest.BacktestRunner;
import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.hpo.TrialEvaluator;
import io.hypercast.engine.hpo.TrialFailedException;
import io.hypercast.engine.models.TrialCancelledException;
import io.hypercast.model.BacktestSpec;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a run's trials on the cluster: signs a task, sends it to the least loaded accepted worker and
 * waits for its signed result, polling the run's cancel flag. A worker that dies or leaves with the
 * trial (MemberLeftException, TargetNotMemberException) or answers without a valid signature loses
 * it: the same trial goes to another worker. HpoRun sees one outcome per trial whatever happened on
 * the way, so a trial is counted once. With no worker left the trial runs in this process.
 *
 * <p>Thread-safe: one call per trial, from the submitter's waiting pool.
 */
final class ClusterTrialEvaluator implements TrialEvaluator {
    /** A trial moved this many times gives up: something other than dying members is wrong. */
    private static final int MAX_ATTEMPTS = 8;
    private static final long POLL_MILLIS = 100;
    private static final SecureRandom IDS = new SecureRandom();

    private final ClusterSubmitter cluster;
    private final BacktestSpec spec;
    private final ModelInputs inputs;
    private final PreparedBacktest local;
    private final Consumer<String> notices;
    private byte[] inputBytes;
    private byte[] inputDigest;
    private boolean runningLocally;

    ClusterTrialEvaluator(ClusterSubmitter cluster, BacktestSpec spec, ModelInputs inputs, PreparedBacktest local, Consumer<String> notices) {
        this.cluster = cluster;
        this.spec = spec;
        this.inputs = inputs;
        this.local = local;
        this.notices = notices == null ? s -> { } : notices;
    }

    /** The run's inputs, encoded once for all its trials. */
    private synchronized byte[][] encodedInputs() {
        if (inputBytes == null) {
            inputBytes = TaskCodec.encodeInputs(spec, inputs);
            inputDigest = ClusterSecret.sha256(inputBytes);
        }
        return new byte[][] {inputBytes, inputDigest};
    }

    @Override
    public TrialOutcome evaluate(Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
        ClusterSecret secret = cluster.options().secret();
        Set<UUID> misbehaved = new HashSet<>(); // answered this trial without a valid signature, or refused it
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new TrialCancelledException("cancelled before it was sent");
            }
            Member m = cluster.pick(misbehaved);
            if (m == null) {
                // no worker left (or none that answers this trial properly): run it here
                localMode(true);
                return BacktestRunner.run(local, params, threads, seed, cancelled);
            }
            localMode(false);
            byte[][] in = encodedInputs();
            long taskId = IDS.nextLong();
            byte[] trial = TaskCodec.encodeTrial(new TaskCodec.TrialPart(taskId, params, 0, seed));
            TrialTask task = new TrialTask(in[0], trial, TrialTask.sign(secret, in[1], trial));
            String where = ClusterSubmitter.name(m);
            cluster.started(m);
            boolean completed = false;
            try {
                Future<byte[]> f = cluster.executor().submitToMember(task, m);
                byte[] answer = await(f, cancelled);
                TaskCodec.Result r = ResultEnvelope.open(secret, answer);
                if (r == null || r.taskId() != taskId) {
                    misbehaved.add(m.getUuid());
                    say("worker " + where + " answered without a valid signature of the cluster secret: the trial goes to another worker");
                    continue;
                }
                switch (r.status()) {
                    case COMPLETED -> {
                        completed = true;
                        return r.outcome().ranOn(where);
                    }
                    case CANCELLED -> throw new TrialCancelledException("cancelled on " + where + ": " + r.message());
                    case FAILED -> throw new TrialFailedException(r.message(), where);
                    default -> {
                        misbehaved.add(m.getUuid());
                        say("worker " + where + " refused the trial (" + r.message() + "): it goes to another worker");
                    }
                }
            } catch (ExecutionException e) {
                // MemberLeftException is itself an ExecutionException
                Throwable cause = e instanceof MemberLeftException || e.getCause() == null ? e : e.getCause();
                if (cause instanceof HazelcastInstanceNotActiveException && !cluster.running()) {
                    throw new TrialCancelledException("this process left the cluster");
                }
                if (lostWithMember(cause)) {
                    say("worker " + where + " was lost during a trial (" + cause.getClass().getSimpleName() + "): the trial runs again elsewhere");
                } else {
                    say("worker " + where + " could not run a trial (" + cause + "): it goes to another worker");
                }
            } catch (RejectedExecutionException | TargetNotMemberException | HazelcastInstanceNotActiveException e) {
                if (!cluster.running()) {
                    throw new TrialCancelledException("this process left the cluster");
                }
                say("worker " + where + " is gone (" + e.getClass().getSimpleName() + "): the trial goes to another worker");
            } finally {
                cluster.ended(m, completed);
            }
        }
        throw new IllegalStateException("the trial was sent " + MAX_ATTEMPTS + " times and no worker returned its result");
    }

    private static boolean lostWithMember(Throwable t) {
        return t instanceof MemberLeftException || t instanceof TargetNotMemberException || t instanceof HazelcastInstanceNotActiveException;
    }

    private static byte[] await(Future<byte[]> f, BooleanSupplier cancelled) throws ExecutionException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                f.cancel(true); // the worker's thread is interrupted: the trial stops at its next boosting round
                throw new TrialCancelledException("cancelled while it ran on the cluster");
            }
            try {
                return f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: look at the cancel flag again
            } catch (CancellationException e) {
                throw new TrialCancelledException("cancelled while it ran on the cluster");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new TrialCancelledException("interrupted while it ran on the cluster");
            }
        }
    }

    /** Says once when trials start running here for want of workers, and once when they go back to the cluster. */
    private void localMode(boolean local) {
        boolean changed;
        synchronized (this) {
            changed = runningLocally != local;
            runningLocally = local;
        }
        if (changed) {
            say(local ? (cluster.sawWorker() ? "no cluster worker left: running trials locally"
                    : "no cluster worker has joined: running trials locally (are the workers started, with the same cluster name and"
                    + " secret, and reachable at the --members given?)") : "cluster workers available again: trials go to the cluster");

        }
    }

    private void say(String message) {
        try {
            notices.accept(message);
        } catch (RuntimeException ignored) {
            // a listener's fault must not lose the trial
        }
    }
}
