package io.hypercast.client;

public record LogUniform(double lower, double upper, double base) implements Distribution {
    public LogUniform(double lower, double upper) {
        this(lower, upper, 10);
    }

    @Override
    public io.hypercast.model.Distribution toModel() {
        return new io.hypercast.model.LogUniform(lower, upper, base);
    }
}
