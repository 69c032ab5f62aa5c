package io.hypercast.model;

public record Uniform(double lower, double upper) implements Distribution {
    public Uniform {
        Distribution.requireFinite("lower", lower);
        Distribution.requireFinite("upper", upper);
        if (!(lower < upper)) {
            throw new InvalidInputException("lower", "lower (" + Num.format(lower) + ") must be less than upper (" + Num.format(upper) + ")");
        }
    }

    @Override
    public String type() {
        return "Uniform";
    }
}
