package io.hypercast.engine.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.UUID;

/**
 * The Hazelcast configuration of our members: bound to one interface only (never all of them), TCP-IP
 * join to the listed members, multicast and auto-detection off, no phone-home, Jet off, quick failure
 * detection (a member silent for {@code maxNoHeartbeatSeconds} is removed and its trials re-run
 * elsewhere), our serialization, and the member attributes that say what a member is and prove
 * that it knows the secret.
 */
final class MemberConfig {
    static final String EXECUTOR = "hypercast-trials";
    static final String ROLE = "hypercast.role";
    static final String THREADS = "hypercast.threads";
    static final String NONCE = "hypercast.nonce";
    static final String PROOF = "hypercast.proof";
    static final String WORKER = "worker";
    static final String SUBMITTER = "submitter";

    private MemberConfig() {
    }

    static Config worker(ClusterOptions o, ClusterSecret proofSecret) {
        Config c = base(o, WORKER);
        c.getExecutorConfig(EXECUTOR).setPoolSize(o.threads()).setQueueCapacity(0);
        String nonce = ClusterSecret.nonce();
        c.getMemberAttributeConfig().setAttribute(THREADS, Integer.toString(o.threads()));
        c.getMemberAttributeConfig().setAttribute(NONCE, nonce);
        c.getMemberAttributeConfig().setAttribute(PROOF, proofSecret.proof(o.clusterId(), o.interfaceAddress(), nonce));
        return c;
    }

    /** A lite member: in the cluster (it sees members come and go at once) but holds no data and runs no task. */
    static Config submitter(ClusterOptions o) {
        Config c = base(o, SUBMITTER);
        c.setLiteMember(true);
        return c;
    }

    private static Config base(ClusterOptions o, String role) {
        String logging = System.getenv("HYPERCAST_DEBUG") != null ? "jdk" : "none";
        // Hazelcast's static loggers (the start-up notes) read the system property, not the config
        System.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", logging));
        Config c = new Config();
        c.setInstanceName("hypercast-" + role + "-" + UUID.randomUUID());
        c.setClusterName(o.clusterId());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.logging.type", logging);
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(o.maxNoHeartbeatSeconds()));
        c.setProperty("hazelcast.heartbeat.failuredetector.type", "deadline");
        c.getJetConfig().setEnabled(false);
        c.getMemberAttributeConfig().setAttribute(ROLE, role);

        NetworkConfig n = c.getNetworkConfig();
        n.setPort(o.port() == null ? ClusterOptions.DEFAULT_PORT : o.port());
        n.setPortAutoIncrement(o.port() == null);
        n.setPortCount(100);
        n.getInterfaces().setEnabled(true).addInterface(o.interfaceAddress());
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setMembers(o.members()).setConnectionTimeoutSeconds(2);
        ClusterSerialization.configure(c.getSerializationConfig());
        return c;
    }
}
