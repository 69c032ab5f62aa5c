package io.hypercast.engine.cluster;

import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * What Hazelcast may deserialize on our members: our one task type through a factory (no reflection,
 * no Java serialization), and for Java serialization (Hazelcast uses it for exceptions crossing
 * members) only classes of the JDK's core packages and Hazelcast itself, on top of Hazelcast's own
 * list of known gadget classes.
 */
final class ClusterSerialization {
    static final int FACTORY_ID = 0x4843; // "HC"

    private ClusterSerialization() {
    }

    static void configure(SerializationConfig config) {
        config.addDataSerializableFactory(FACTORY_ID, new Factory());
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
        filter.setDefaultsDisabled(false);
        filter.getWhitelist().addPrefixes("com.hazelcast.", "java.lang.", "java.util.", "java.time.", "java.net.", "java.io.",
                "[Lcom.hazelcast.", "[Ljava.lang.", "[Ljava.util.", "[B", "[C", "[S", "[I", "[J", "[F", "[D", "[Z");
        config.setJavaSerializationFilterConfig(filter);
    }

    private static final class Factory implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            return typeId == TrialTask.CLASS_ID ? new TrialTask() : null;
        }
    }
}
