package io.hypercast.engine.nots;

import io.hypercast.engine.store.NotsRepository.StoredSeries;
import io.hypercast.model.Edge;
import io.hypercast.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A project's NoTS as read from the store in one transaction, with the observations of its sources. */
public record NotsSnapshot(List<Node> nodes, List<Edge> edges, Map<String, StoredSeries> observations) {

    public static String key(UUID node, String column) {
        return node + "/" + column;
    }

    public Optional<Node> node(UUID id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<Edge> into(UUID node) {
        return edges.stream().filter(e -> e.toNode().equals(node)).sorted((a, b) -> Integer.compare(a.position(), b.position())).toList();
    }

    public List<Edge> outOf(UUID node) {
        return edges.stream().filter(e -> e.fromNode().equals(node)).toList();
    }
}
