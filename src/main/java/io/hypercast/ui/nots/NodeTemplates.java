package io.hypercast.ui.nots;

import io.hypercast.engine.nots.NodeTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the window offers to add: each node type with its settings, their defaults and a one-line help. */
public final class NodeTemplates {
    /** One setting of a node type. */
    public record Field(String key, String initial, String help) {
    }

    /** A node type the add form offers; {@code input}: what feeds it (none, one node, or a model's features and target). */
    public record Template(String type, String label, String input, List<Field> fields) {
    }

    public static final List<String> TRENDS = List.of("hour_of_day", "half_hour_of_day", "day_of_week", "day_of_year", "month", "weekend");

    public static final List<Template> ALL = List.of(
            new Template(NodeTypes.TIME_TRENDS, "Time trends (calendar source)", "none",
                    List.of(new Field("time_zone", "UTC", "zone of the calendar: hours and days are local there"))),
            new Template(NodeTypes.RESAMPLING, "Resampling", "one",
                    List.of(new Field("period", "PT1H", "the new sample period, ISO-8601"),
                            new Field("aggregation", "mean", "mean, sum, min, max or last"))),
            new Template(NodeTypes.FILL_NA, "Fill missing values", "one",
                    List.of(new Field("method", "forward", "constant, forward or linear"),
                            new Field("value", "0", "the constant, for method constant"))),
            new Template(NodeTypes.TIME_TRANSFORMATIONS, "Time transformation (lag)", "one",
                    List.of(new Field("shift", "PT24H", "how far the series is moved later in time: a lag of that much"))),
            new Template(NodeTypes.TIME_SERIES, "Time series", "one",
                    List.of(new Field("period", "PT1H", "its sample period, ISO-8601"))),
            new Template(NodeTypes.LIGHTGBM, "LightGBM model", "model", List.of()));

    private NodeTemplates() {
    }

    public static Template of(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
    }

    /** Typed values as the engine stores them: numbers where a number is meant (FillNA's value). */
    public static Map<String, Object> settings(Template t, Map<String, String> typed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : t.fields()) {
            String v = typed.getOrDefault(f.key(), "").strip();
            if (v.isEmpty()) {
                continue;
            }
            if (f.key().equals("value")) {
                try {
                    out.put(f.key(), Double.parseDouble(v));
                    continue;
                } catch (NumberFormatException e) {
                    throw new io.hypercast.model.InvalidInputException(f.key(), "'" + v + "' is not a number");
                }
            }
            out.put(f.key(), v);
        }
        return out;
    }
}
