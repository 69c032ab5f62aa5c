package io.hypercast.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster options refuse what Hazelcast would fail on later, naming the option and the value. */
class ClusterOptionsTest {
    private static InvalidInputException refused(String name, String iface, List<String> members) {
        return assertThrows(InvalidInputException.class, () -> ClusterOptions.worker(name, iface, members, null, ClusterSecret.none(), 1, 0));
    }

    @Test
    void membersMustBeHostOrHostAndAPortInRange() {
        assertTrue(refused("team", null, List.of("127.0.0.1:x")).getMessage().contains("the port 'x' is not a number"));
        assertTrue(refused("team", null, List.of("127.0.0.1:99999")).getMessage().contains("between 1 and 65535, got 99999"));
        assertTrue(refused("team", null, List.of("127.0.0.1:0")).getMessage().contains("got 0"));
        assertTrue(refused("team", null, List.of("garbage!!")).getMessage().contains("'garbage!!' is not HOST or HOST:PORT"));
        assertTrue(refused("team", null, List.of("")).getMessage().contains("--members"));
        ClusterOptions ok = ClusterOptions.worker("team", null, List.of("10.0.0.5", "10.0.0.6:5702", "worker-3.example.org:5701"), null,
                ClusterSecret.none(), 1, 0);
        assertEquals(3, ok.members().size());
    }

    @Test
    void anEmptyClusterNameAndAForeignInterfaceAreRefused() {
        assertTrue(refused(" ", null, null).getMessage().contains("the cluster name is empty"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterOptions.worker("team", "192.0.2.77", null, null,
                ClusterSecret.of("0123456789abcdef0123"), 1, 0));
        assertTrue(e.getMessage().contains("'192.0.2.77' is not an address of this machine"), e.getMessage());
    }
}
