package io.hypercast.model;

/** Log-uniform, rounded to a multiple of q, always on the grid inside [lower, upper]. */
public record QLogUniform(double lower, double upper, double q, double base) implements Distribution {
    public QLogUniform {
        Distribution.requireFinite("lower", lower);
        Distribution.requireFinite("upper", upper);
        Distribution.requireFinite("q", q);
        Distribution.requireFinite("base", base);
        if (!(lower > 0)) {
            throw new InvalidInputException("lower", "a log distribution needs lower > 0, got " + Num.format(lower));
        }
        if (!(lower < upper)) {
            throw new InvalidInputException("lower", "lower (" + Num.format(lower) + ") must be less than upper (" + Num.format(upper) + ")");
        }
        if (!(q > 0)) {
            throw new InvalidInputException("q", "q must be greater than 0, got " + Num.format(q));
        }
        if (!(base > 1)) {
            throw new InvalidInputException("base", "base must be greater than 1, got " + Num.format(base));
        }
        if (Grid.kMin(lower, q) > Grid.kMax(upper, q)) {
            throw new InvalidInputException("q", "no multiple of q (" + Num.format(q) + ") lies inside [" + Num.format(lower) + ", " + Num.format(upper) + "]");
        }
    }

    public QLogUniform(double lower, double upper, double q) {
        this(lower, upper, q, 10);
    }

    @Override
    public String type() {
        return "QLogUniform";
    }

    @Override
    public boolean integral() {
        return Distribution.whole(lower) && Distribution.whole(upper) && Distribution.whole(q);
    }

    @Override
    public boolean logScale() {
        return true;
    }

    public long kMin() {
        return Grid.kMin(lower, q);
    }

    public long kMax() {
        return Grid.kMax(upper, q);
    }
}
