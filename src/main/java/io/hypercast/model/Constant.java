package io.hypercast.model;

/** Always the same value (a number, string, boolean or null). */
public record Constant(Object value) implements Distribution {
    public Constant {
        value = ParamValues.normalize(value, "value");
    }

    @Override
    public String type() {
        return "Constant";
    }
}
