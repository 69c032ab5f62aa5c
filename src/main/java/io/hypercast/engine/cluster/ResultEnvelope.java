package io.hypercast.engine.cluster;

import java.util.Arrays;

/**
 * A worker's answer on the wire: 32 bytes of HMAC-SHA256 over the label "result" and the result's
 * bytes, then those bytes. The submitter checks the signature and that the result answers the task
 * it sent (the task id) before it believes a single number.
 */
final class ResultEnvelope {
    private static final int MAC = 32;

    private ResultEnvelope() {
    }

    static byte[] seal(ClusterSecret secret, TaskCodec.Result r) {
        byte[] body = TaskCodec.encodeResult(r);
        byte[] mac = secret.sign(ClusterSecret.text("result"), body);
        byte[] out = Arrays.copyOf(mac, MAC + body.length);
        System.arraycopy(body, 0, out, MAC, body.length);
        return out;
    }

    /** An answer with no valid signature (all zeros): whoever receives it refuses it. */
    static byte[] unsigned(TaskCodec.Status status, String message) {
        byte[] body = TaskCodec.encodeResult(new TaskCodec.Result(0, status, message, null));
        byte[] out = new byte[MAC + body.length];
        System.arraycopy(body, 0, out, MAC, body.length);
        return out;
    }

    /** The result, or null when the signature is wrong or the bytes are not a result. */
    static TaskCodec.Result open(ClusterSecret secret, byte[] envelope) {
        if (envelope == null || envelope.length <= MAC) {
            return null;
        }
        byte[] mac = Arrays.copyOf(envelope, MAC);
        byte[] body = Arrays.copyOfRange(envelope, MAC, envelope.length);
        if (!secret.verify(mac, ClusterSecret.text("result"), body)) {
            return null;
        }
        try {
            return TaskCodec.decodeResult(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
