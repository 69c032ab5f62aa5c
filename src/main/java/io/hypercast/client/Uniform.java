package io.hypercast.client;

public record Uniform(double lower, double upper) implements Distribution {
    @Override
    public io.hypercast.model.Distribution toModel() {
        return new io.hypercast.model.Uniform(lower, upper);
    }
}
