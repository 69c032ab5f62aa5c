package io.hypercast.model;

/** Uniform in log space on [lower, upper], 0 &lt; lower &lt; upper. {@code base} only sets how charts label the axis. */
public record LogUniform(double lower, double upper, double base) implements Distribution {
    public LogUniform {
        Distribution.requireFinite("lower", lower);
        Distribution.requireFinite("upper", upper);
        Distribution.requireFinite("base", base);
        if (!(lower > 0)) {
            throw new InvalidInputException("lower", "a log distribution needs lower > 0, got " + Num.format(lower));
        }
        if (!(lower < upper)) {
            throw new InvalidInputException("lower", "lower (" + Num.format(lower) + ") must be less than upper (" + Num.format(upper) + ")");
        }
        if (!(base > 1)) {
            throw new InvalidInputException("base", "base must be greater than 1, got " + Num.format(base));
        }
    }

    public LogUniform(double lower, double upper) {
        this(lower, upper, 10);
    }

    @Override
    public String type() {
        return "LogUniform";
    }

    @Override
    public boolean logScale() {
        return true;
    }
}
