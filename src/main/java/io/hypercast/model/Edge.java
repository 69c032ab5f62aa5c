package io.hypercast.model;

import java.util.UUID;

/**
 * Feeds {@code fromPort} of one node (a source's column; empty for single-output nodes) into
 * {@code toPort} of another (a model's {@code features} or {@code targets}; empty for a time
 * series layer or an operation's input). {@code position} orders the layers and the features.
 */
public record Edge(UUID fromNode, String fromPort, UUID toNode, String toPort, int position) {
    public Edge {
        fromPort = fromPort == null ? "" : fromPort;
        toPort = toPort == null ? "" : toPort;
    }
}
