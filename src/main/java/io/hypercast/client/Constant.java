package io.hypercast.client;

public record Constant(Object value) implements Distribution {
    @Override
    public io.hypercast.model.Distribution toModel() {
        return new io.hypercast.model.Constant(value);
    }
}
