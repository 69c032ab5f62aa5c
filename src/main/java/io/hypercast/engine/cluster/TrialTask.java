package io.hypercast.engine.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * One trial as it crosses the cluster: the run's inputs, the trial's part and their signature, as
 * three byte arrays (Hazelcast's own IdentifiedDataSerializable, no Java serialization). On a worker
 * it hands itself to the {@link WorkerNode} of that member, which checks the signature before
 * decoding anything; the answer is a signed result's bytes.
 */
public final class TrialTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int CLASS_ID = 1;

    private byte[] inputs;
    private byte[] trial;
    private byte[] signature;
    private transient HazelcastInstance instance;

    /** For Hazelcast's factory. */
    public TrialTask() {
    }

    TrialTask(byte[] inputs, byte[] trial, byte[] signature) {
        this.inputs = inputs;
        this.trial = trial;
        this.signature = signature;
    }

    byte[] inputs() {
        return inputs;
    }

    byte[] trial() {
        return trial;
    }

    byte[] signature() {
        return signature;
    }

    /** What a task's signature covers: a label, the inputs' digest and the trial part. */
    static byte[] sign(ClusterSecret secret, byte[] inputsDigest, byte[] trial) {
        return secret.sign(ClusterSecret.text("task"), inputsDigest, trial);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.instance = hz;
    }

    @Override
    public byte[] call() {
        Object node = instance == null ? null : instance.getUserContext().get(WorkerNode.CONTEXT_KEY);
        if (!(node instanceof WorkerNode worker)) {
            // a member that is not a worker (a submitter) runs nothing; its answer is unsigned, so it is refused
            return ResultEnvelope.unsigned(TaskCodec.Status.REJECTED, "this member is not a Hypercast worker");
        }
        return worker.run(this);
    }

    @Override
    public int getFactoryId() {
        return ClusterSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(inputs);
        out.writeByteArray(trial);
        out.writeByteArray(signature);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        inputs = in.readByteArray();
        trial = in.readByteArray();
        signature = in.readByteArray();
    }
}
