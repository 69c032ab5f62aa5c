package io.hypercast.cli;

import io.hypercast.engine.cluster.ClusterOptions;
import io.hypercast.engine.cluster.ClusterSecret;
import io.hypercast.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that put a command in a cluster (issue 8): its name, the members to contact, the one
 * interface to bind to, the port, and the shared secret (a file, or HYPERCAST_CLUSTER_SECRET).
 */
final class ClusterArgs {
    static final String SECRET_ENV = "HYPERCAST_CLUSTER_SECRET";

    @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster's name (default: " + ClusterOptions.DEFAULT_NAME + ").")
    String name;

    @Option(names = "--members", split = ",", paramLabel = "HOST[:PORT]", description = "Members to contact first (TCP-IP join; without a"
            + " port 5701-5703 are tried). Default: the interface's own address.")
    List<String> members;

    @Option(names = "--interface", paramLabel = "ADDR", description = "The one address to bind to (default 127.0.0.1: this machine only)."
            + " Any other needs a shared secret.")
    String iface;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: 5701, or the next free one).")
    Integer port;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding the cluster's shared secret (at least "
            + ClusterSecret.MIN_LENGTH + " characters); or set " + SECRET_ENV + ".")
    Path secretFile;

    /** Whether any cluster option was given (a run then goes to the cluster). */
    boolean given() {
        return name != null || members != null || iface != null || port != null || secretFile != null;
    }

    ClusterSecret secret() {
        String text = null;
        if (secretFile != null) {
            try {
                text = Files.readString(secretFile, StandardCharsets.UTF_8);
                warnIfOthersCanRead(secretFile);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("--secret-file", "no file " + secretFile);
            } catch (IOException e) {
                throw new InvalidInputException("--secret-file", "cannot read " + secretFile + ": " + e.getMessage());
            }
        } else if (System.getenv(SECRET_ENV) != null && !System.getenv(SECRET_ENV).isBlank()) {
            text = System.getenv(SECRET_ENV);
        }
        try {
            return ClusterSecret.of(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(secretFile != null ? "--secret-file" : SECRET_ENV, e.getMessage());
        }
    }

    /** A secret others on the machine can read is no secret: say so (the run goes on; chmod 600 fixes it). */
    private static void warnIfOthersCanRead(java.nio.file.Path file) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                    || p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                System.err.println("warning: --secret-file " + file + " can be read by other users of this machine; chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system (Windows): its ACLs are the user's business
        }
    }

    ClusterOptions submitter() {
        return ClusterOptions.submitter(name, iface, members, port, secret());
    }

    ClusterOptions worker(int threads, int trialThreads) {
        return ClusterOptions.worker(name, iface, members, port, secret(), threads, trialThreads);
    }

    /** The same options for a child process (the secret travels as the file's path or in the inherited environment). */
    List<String> asArgs() {
        List<String> out = new ArrayList<>();
        if (name != null) {
            out.add("--cluster");
            out.add(name);
        }
        if (members != null) {
            out.add("--members");
            out.add(String.join(",", members));
        }
        if (iface != null) {
            out.add("--interface");
            out.add(iface);
        }
        if (port != null) {
            out.add("--port");
            out.add(port.toString());
        }
        if (secretFile != null) {
            out.add("--secret-file");
            out.add(secretFile.toAbsolutePath().toString());
        }
        return out;
    }
}
