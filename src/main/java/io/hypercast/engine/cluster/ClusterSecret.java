package io.hypercast.engine.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret of a cluster and what is derived from it: HMAC-SHA256 signatures of task and
 * result bytes, a member's proof that it knows the secret, and the Hazelcast cluster name (the
 * user's name plus a hash of the secret, so members with another secret form a cluster of their own).
 *
 * <p>Open-source Hazelcast has no member authentication and no TLS: this is what keeps a stranger's
 * process from running or receiving trials. Without a secret (loopback only) a fixed, public key is
 * used: the signatures then only catch corruption, and anyone on this machine may take part.
 *
 * <p>Immutable and thread-safe (each call makes its own Mac).
 */
public final class ClusterSecret {
    /** At least this many characters: a short secret could be guessed from a captured signature offline. */
    public static final int MIN_LENGTH = 16;
    private static final byte[] LOOPBACK_KEY = "hypercast-loopback-no-secret".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final boolean given;

    private ClusterSecret(byte[] key, boolean given) {
        this.key = key;
        this.given = given;
    }

    /** The secret a user gave (a file's content or an environment variable), or null for none. */
    public static ClusterSecret of(String text) {
        if (text == null) {
            return new ClusterSecret(LOOPBACK_KEY, false);
        }
        String s = text.strip();
        if (s.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the cluster secret must have at least " + MIN_LENGTH + " characters, it has " + s.length());
        }
        return new ClusterSecret(s.getBytes(StandardCharsets.UTF_8), true);
    }

    public static ClusterSecret none() {
        return of(null);
    }

    /** Whether a user gave this secret (false: the public loopback key). */
    public boolean given() {
        return given;
    }

    /** The Hazelcast cluster name: {@code name} plus 12 hex digits of SHA-256 of the secret ("open" without one). */
    public String clusterId(String name) {
        return name + "-" + (given ? HexFormat.of().formatHex(sha256(key), 0, 6) : "open");
    }

    public byte[] sign(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(intBytes(p.length)); // length-prefixed, so parts cannot be shifted across a boundary
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Constant-time check of a signature made by {@link #sign}. */
    public boolean verify(byte[] signature, byte[]... parts) {
        return signature != null && MessageDigest.isEqual(sign(parts), signature);
    }

    /** A fresh random nonce, hex. */
    public static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A member's proof that it knows the secret, bound to the cluster, its host and a nonce. */
    public String proof(String clusterId, String host, String nonce) {
        return HexFormat.of().formatHex(sign(text("member-proof"), text(clusterId), text(host), text(nonce)));
    }

    public boolean checkProof(String proof, String clusterId, String host, String nonce) {
        if (proof == null || nonce == null || host == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(proof);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(given, text("member-proof"), text(clusterId), text(host), text(nonce));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
