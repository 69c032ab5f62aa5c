package io.hypercast.engine.nots;

import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.data.Aggregation;
import io.hypercast.engine.data.FillMethod;
import io.hypercast.engine.data.FillNa;
import io.hypercast.engine.data.Resample;
import io.hypercast.engine.data.Series;
import io.hypercast.engine.data.Shift;
import io.hypercast.engine.data.TimeTrend;
import io.hypercast.engine.data.TimeTrends;
import io.hypercast.engine.store.NotsRepository.StoredSeries;
import io.hypercast.model.Edge;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Computes the time series of a NoTS from its sources through its operations, keeping each value's
 * availability (knownFrom), and gathers a model's inputs. Memoized per snapshot; not thread-safe.
 */
public final class NotsEvaluator {
    private final NotsSnapshot nots;
    private final Map<UUID, Series> memo = new HashMap<>();
    private final Set<UUID> visiting = new HashSet<>();
    private long rangeStart = Long.MAX_VALUE;
    private long rangeEnd = Long.MIN_VALUE;

    public NotsEvaluator(NotsSnapshot nots) {
        this.nots = nots;
        for (StoredSeries s : nots.observations().values()) {
            rangeStart = Math.min(rangeStart, s.startSeconds());
            rangeEnd = Math.max(rangeEnd, s.startSeconds() + s.periodSeconds() * s.values().length);
        }
    }

    public ModelInputs modelInputs(Node model) {
        List<Edge> in = nots.into(model.id());
        List<Edge> targets = in.stream().filter(e -> NodeTypes.TARGETS.equals(e.toPort())).toList();
        List<Edge> features = in.stream().filter(e -> NodeTypes.FEATURES.equals(e.toPort())).toList();
        if (targets.size() != 1) {
            throw new InvalidInputException("model " + model.name() + ".targets", "a model needs exactly one target time series, it has " + targets.size());
        }
        if (features.isEmpty()) {
            throw new InvalidInputException("model " + model.name() + ".features", "a model needs at least one feature time series");
        }
        Node targetNode = timeSeriesNode(targets.get(0).fromNode(), model);
        List<String> names = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (Edge e : features) {
            Node f = timeSeriesNode(e.fromNode(), model);
            names.add(f.name());
            series.add(evaluate(f.id()));
        }
        return new ModelInputs(targetNode.name(), evaluate(targetNode.id()), names, series);
    }

    private Node timeSeriesNode(UUID id, Node model) {
        Node n = nots.node(id).orElseThrow(() -> new InvalidInputException("model " + model.name(), "an input node " + id + " does not exist"));
        if (!NodeTypes.TIME_SERIES.equals(n.type())) {
            throw new InvalidInputException("model " + model.name(), "input '" + n.name() + "' is a " + n.type() + ", not a time series");
        }
        return n;
    }

    /** The values of a time series or operation node. */
    public Series evaluate(UUID nodeId) {
        Series cached = memo.get(nodeId);
        if (cached != null) {
            return cached;
        }
        Node node = nots.node(nodeId).orElseThrow(() -> new InvalidInputException("node", "node " + nodeId + " does not exist"));
        if (!visiting.add(nodeId)) {
            throw new InvalidInputException("node " + node.name(), "the NoTS has a cycle through this node");
        }
        try {
            Series s = switch (node.type()) {
                case NodeTypes.TIME_SERIES -> timeSeries(node);
                case NodeTypes.TIME_TRANSFORMATIONS -> Shift.apply(singleInput(node), duration(node, "shift"));
                case NodeTypes.RESAMPLING -> Resample.apply(singleInput(node), duration(node, "period"), aggregation(node));
                case NodeTypes.FILL_NA -> fillNa(node);
                default -> throw new InvalidInputException("node " + node.name(), "a " + node.type() + " node has no single output; connect one of its columns to a time series");
            };
            memo.put(nodeId, s);
            return s;
        } finally {
            visiting.remove(nodeId);
        }
    }

    private Series timeSeries(Node node) {
        List<Edge> layers = nots.into(node.id());
        if (layers.isEmpty()) {
            throw new InvalidInputException("time series " + node.name(), "has no layer: connect a source column or an operation to it");
        }
        Duration period = node.setting("period") == null ? null : duration(node, "period");
        Series result = null;
        for (Edge e : layers) {
            Series layer = layer(node, e, period);
            if (period != null && layer.periodSeconds() != period.getSeconds()) {
                throw new InvalidInputException("time series " + node.name(), "a layer has sample period " + Duration.ofSeconds(layer.periodSeconds())
                        + " but the series has " + period + "; add a Resampling operation");
            }
            result = result == null ? layer : Layers.fill(result, layer);
        }
        return result;
    }

    private Series layer(Node ts, Edge e, Duration period) {
        Node from = nots.node(e.fromNode()).orElseThrow(() -> new InvalidInputException("time series " + ts.name(), "a layer's node does not exist"));
        return switch (from.type()) {
            case NodeTypes.CSV_OBSERVATIONS -> {
                StoredSeries s = nots.observations().get(NotsSnapshot.key(from.id(), e.fromPort()));
                if (s == null) {
                    throw new InvalidInputException("source " + from.name(), "has no imported column '" + e.fromPort() + "'");
                }
                yield Series.observed(s.startSeconds(), s.periodSeconds(), s.values());
            }
            case NodeTypes.TIME_TRENDS -> {
                if (period == null) {
                    throw new InvalidInputException("time series " + ts.name(), "a series fed by time trends needs a period setting");
                }
                if (rangeStart == Long.MAX_VALUE) {
                    throw new InvalidInputException("source " + from.name(), "time trends need observed data in the project to know their range");
                }
                long p = period.getSeconds();
                long start = Math.floorDiv(rangeStart, p) * p;
                long end = Math.floorDiv(rangeEnd + p - 1, p) * p;
                String zone = from.setting("time_zone");
                yield TimeTrends.compute(trend(from, e.fromPort()), start, end, p, zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
            }
            default -> evaluate(from.id());
        };
    }

    private Series singleInput(Node op) {
        List<Edge> in = nots.into(op.id());
        if (in.size() != 1) {
            throw new InvalidInputException("operation " + op.name(), "needs exactly one input time series, has " + in.size());
        }
        return evaluate(in.get(0).fromNode());
    }

    private Series fillNa(Node node) {
        String method = node.setting("method");
        FillMethod m;
        try {
            m = FillMethod.valueOf((method == null ? "forward" : method).toUpperCase(Locale.ROOT).replace("_FILL", ""));
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("operation " + node.name() + ".method", "'" + method + "' is not one of constant, forward, linear");
        }
        Object v = node.settings().get("value");
        return FillNa.apply(singleInput(node), m, v instanceof Number n ? n.doubleValue() : 0.0);
    }

    private static Duration duration(Node node, String key) {
        String s = node.setting(key);
        if (s == null) {
            throw new InvalidInputException(node.name() + "." + key, "is required");
        }
        try {
            return Duration.parse(s);
        } catch (RuntimeException ex) {
            throw new InvalidInputException(node.name() + "." + key, "'" + s + "' is not an ISO-8601 duration such as PT24H");
        }
    }

    private static Aggregation aggregation(Node node) {
        String s = node.setting("aggregation");
        try {
            return Aggregation.valueOf((s == null ? "mean" : s).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException(node.name() + ".aggregation", "'" + s + "' is not one of mean, sum, min, max, last");
        }
    }

    private static TimeTrend trend(Node node, String port) {
        try {
            return TimeTrend.valueOf(port.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("source " + node.name(), "'" + port + "' is not a time trend (hour_of_day, half_hour_of_day, day_of_week, day_of_year, month, weekend)");
        }
    }
}
