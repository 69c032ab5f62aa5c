package io.hypercast.engine.cluster;

import io.hypercast.model.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a process takes part in a cluster: the cluster's name, the one interface it binds to
 * (loopback unless told otherwise), the members to contact first (TCP-IP join; multicast is off),
 * its port, the shared secret, and for a worker how many trials it runs at once and with how many
 * LightGBM threads each.
 *
 * @param port          null: 5701, or the next free one up to 5800
 * @param trialThreads  LightGBM threads per trial on a worker; 0: its cores / trials running
 */
public record ClusterOptions(String name, String interfaceAddress, List<String> members, Integer port, ClusterSecret secret,
                             int threads, int trialThreads, int maxNoHeartbeatSeconds) {
    public static final String DEFAULT_NAME = "hypercast";
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;
    /** How long a silent member stays in the cluster: its trials are re-run elsewhere after this. */
    public static final int DEFAULT_MAX_NO_HEARTBEAT_SECONDS = 15;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ClusterOptions {
        if (name != null && name.isBlank()) {
            throw new InvalidInputException("--cluster", "the cluster name is empty: leave --cluster out for '" + DEFAULT_NAME + "', or give a name");
        }
        name = name == null ? DEFAULT_NAME : name.strip();
        interfaceAddress = interfaceAddress == null || interfaceAddress.isBlank() ? LOOPBACK : interfaceAddress.strip();
        InetAddress bind;
        try {
            bind = InetAddress.getByName(interfaceAddress);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--interface", "'" + interfaceAddress + "' is not an address of this machine");
        }
        interfaceAddress = bind.getHostAddress(); // members prove the secret for this address, as others see it
        members = members == null || members.isEmpty() ? List.of(interfaceAddress) : List.copyOf(members);
        secret = secret == null ? ClusterSecret.none() : secret;
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("--cluster", "'" + name + "' is not a cluster name: use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (threads < 1 || threads > 256) {
            throw new InvalidInputException("--threads", "must be between 1 and 256, got " + threads);
        }
        if (trialThreads < 0 || trialThreads > 256) {
            throw new InvalidInputException("--trial-threads", "must be between 0 (the worker decides) and 256, got " + trialThreads);
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new InvalidInputException("--port", "must be between 1 and 65535, got " + port);
        }
        if (maxNoHeartbeatSeconds < 2) {
            throw new InvalidInputException("max-no-heartbeat", "must be at least 2 s, got " + maxNoHeartbeatSeconds);
        }
        for (String m : members) {
            checkMember(m);
        }
        if (!bind.isLoopbackAddress() && !secret.given()) {
            throw new InvalidInputException("--interface", "binding to " + interfaceAddress + " opens the cluster to the network, which needs"
                    + " a shared secret of at least " + ClusterSecret.MIN_LENGTH + " characters: give --secret-file FILE or set HYPERCAST_CLUSTER_SECRET");
        }
        if (bind.isAnyLocalAddress()) {
            throw new InvalidInputException("--interface", "give one address of this machine, not " + interfaceAddress + " (all interfaces)");
        }
        if (!bind.isAnyLocalAddress() && !bind.isLoopbackAddress() && !isLocal(bind)) {
            throw new InvalidInputException("--interface", "'" + interfaceAddress + "' is not an address of this machine (see `ip addr`)");
        }
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");

    /** HOST or HOST:PORT with a port of 1-65535; the host need not resolve yet (a member may start later). */
    static void checkMember(String m) {
        String bad = "'" + m + "' is not HOST or HOST:PORT (e.g. 10.0.0.5 or 10.0.0.5:5701)";
        if (m == null || m.isBlank()) {
            throw new InvalidInputException("--members", bad);
        }
        String host = m.strip();
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) { // one colon: HOST:PORT (IPv6 addresses go in [brackets])
            String port = host.substring(colon + 1);
            host = host.substring(0, colon);
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--members", bad + ": the port '" + port + "' is not a number");
            }
            if (p < 1 || p > 65535) {
                throw new InvalidInputException("--members", bad + ": the port must be between 1 and 65535, got " + p);
            }
        }
        if (!HOST.matcher(host).matches()) {
            throw new InvalidInputException("--members", bad);
        }
    }

    private static boolean isLocal(InetAddress a) {
        try {
            return java.net.NetworkInterface.getByInetAddress(a) != null;
        } catch (java.net.SocketException e) {
            return true; // cannot tell: let Hazelcast decide
        }
    }

    /** A submitter's options: the workers it contacts; it runs no trial itself. */
    public static ClusterOptions submitter(String name, String interfaceAddress, List<String> members, Integer port, ClusterSecret secret) {
        return new ClusterOptions(name, interfaceAddress, members, port, secret, 1, 0, maxNoHeartbeatFromEnvironment());
    }

    public static ClusterOptions worker(String name, String interfaceAddress, List<String> members, Integer port, ClusterSecret secret,
                                        int threads, int trialThreads) {
        return new ClusterOptions(name, interfaceAddress, members, port, secret, threads, trialThreads, maxNoHeartbeatFromEnvironment());
    }

    /**
     * A submitter's options from the environment, for the window (which has no command line):
     * HYPERCAST_CLUSTER (the name; unset: no cluster), HYPERCAST_CLUSTER_MEMBERS (comma-separated),
     * HYPERCAST_CLUSTER_INTERFACE and HYPERCAST_CLUSTER_SECRET.
     */
    public static java.util.Optional<ClusterOptions> submitterFromEnvironment() {
        String name = System.getenv("HYPERCAST_CLUSTER");
        if (name == null || name.isBlank()) {
            return java.util.Optional.empty();
        }
        String members = System.getenv("HYPERCAST_CLUSTER_MEMBERS");
        List<String> list = members == null || members.isBlank() ? null : java.util.Arrays.stream(members.split(",")).map(String::strip)
                .filter(m -> !m.isEmpty()).toList();
        String secret = System.getenv("HYPERCAST_CLUSTER_SECRET");
        return java.util.Optional.of(submitter(name, System.getenv("HYPERCAST_CLUSTER_INTERFACE"), list, null,
                secret == null || secret.isBlank() ? ClusterSecret.none() : ClusterSecret.of(secret)));
    }

    /** HYPERCAST_CLUSTER_MAX_NO_HEARTBEAT_SECONDS (tests shorten it), else the default. */
    static int maxNoHeartbeatFromEnvironment() {
        String v = System.getenv("HYPERCAST_CLUSTER_MAX_NO_HEARTBEAT_SECONDS");
        if (v == null || v.isBlank()) {
            return DEFAULT_MAX_NO_HEARTBEAT_SECONDS;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("HYPERCAST_CLUSTER_MAX_NO_HEARTBEAT_SECONDS", "is not a whole number of seconds: " + v);
        }
    }

    public ClusterOptions withMaxNoHeartbeatSeconds(int seconds) {
        return new ClusterOptions(name, interfaceAddress, members, port, secret, threads, trialThreads, seconds);
    }

    /** The Hazelcast cluster name: the user's name and a hash of the secret. */
    public String clusterId() {
        return secret.clusterId(name);
    }
}
