package io.hypercast.ui.nots;

import io.hypercast.model.Edge;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A left-to-right layered layout of a NoTS: a node's column is one past its deepest input (sources
 * first, models last), rows in a column follow the kind then the name. Pure arithmetic, no JavaFX.
 */
public final class NotsLayout {
    public static final double BOX_W = 150;
    public static final double BOX_H = 46;
    public static final double COL_GAP = 44;
    public static final double ROW_GAP = 18;
    public static final double MARGIN = 16;

    /** Where a node's box goes: its column and row, and its top-left corner. */
    public record Place(int column, int row, double x, double y) {
    }

    private NotsLayout() {
    }

    public static Map<UUID, Place> layout(List<Node> nodes, List<Edge> edges) {
        Map<UUID, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Map<UUID, Integer> depth = new HashMap<>();
        for (Node n : nodes) {
            depth(n.id(), edges, byId, depth, new java.util.HashSet<>());
        }
        int last = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Node n : nodes) {
            if (n.kind() == NodeKind.MODEL) {
                depth.put(n.id(), Math.max(last, 1)); // models close the picture on the right
            }
        }
        Map<Integer, List<Node>> columns = new java.util.TreeMap<>();
        for (Node n : nodes) {
            columns.computeIfAbsent(depth.get(n.id()), k -> new ArrayList<>()).add(n);
        }
        Map<UUID, Place> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Node>> col : columns.entrySet()) {
            List<Node> list = col.getValue();
            list.sort(Comparator.comparing((Node n) -> n.kind().ordinal()).thenComparing(Node::name));
            for (int row = 0; row < list.size(); row++) {
                out.put(list.get(row).id(), new Place(col.getKey(), row, MARGIN + col.getKey() * (BOX_W + COL_GAP),
                        MARGIN + row * (BOX_H + ROW_GAP)));
            }
        }
        return out;
    }

    private static int depth(UUID id, List<Edge> edges, Map<UUID, Node> byId, Map<UUID, Integer> memo, java.util.Set<UUID> visiting) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        if (!visiting.add(id)) {
            return 0; // a cycle (the engine refuses them when evaluating): draw it anyway
        }
        int d = 0;
        for (Edge e : edges) {
            if (e.toNode().equals(id) && byId.containsKey(e.fromNode())) {
                d = Math.max(d, depth(e.fromNode(), edges, byId, memo, visiting) + 1);
            }
        }
        visiting.remove(id);
        memo.put(id, d);
        return d;
    }
}
