package io.hypercast.client;

public record QLogUniform(double lower, double upper, double q, double base) implements Distribution {
    public QLogUniform(double lower, double upper, double q) {
        this(lower, upper, q, 10);
    }

    @Override
    public io.hypercast.model.Distribution toModel() {
        return new io.hypercast.model.QLogUniform(lower, upper, q, base);
    }
}
