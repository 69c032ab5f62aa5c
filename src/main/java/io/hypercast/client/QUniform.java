package io.hypercast.client;

public record QUniform(double lower, double upper, double q) implements Distribution {
    @Override
    public io.hypercast.model.Distribution toModel() {
        return new io.hypercast.model.QUniform(lower, upper, q);
    }
}
