package io.hypercast.model;

/**
 * Uniform, then rounded to a multiple of q. The value always lies on the grid of multiples of q
 * inside [lower, upper]: the grid is {@code kMin*q .. kMax*q}.
 */
public record QUniform(double lower, double upper, double q) implements Distribution {
    public QUniform {
        Distribution.requireFinite("lower", lower);
        Distribution.requireFinite("upper", upper);
        Distribution.requireFinite("q", q);
        if (!(lower < upper)) {
            throw new InvalidInputException("lower", "lower (" + Num.format(lower) + ") must be less than upper (" + Num.format(upper) + ")");
        }
        if (!(q > 0)) {
            throw new InvalidInputException("q", "q must be greater than 0, got " + Num.format(q));
        }
        if (Grid.kMin(lower, q) > Grid.kMax(upper, q)) {
            throw new InvalidInputException("q", "no multiple of q (" + Num.format(q) + ") lies inside [" + Num.format(lower) + ", " + Num.format(upper) + "]");
        }
    }

    @Override
    public String type() {
        return "QUniform";
    }

    @Override
    public boolean integral() {
        return Distribution.whole(lower) && Distribution.whole(upper) && Distribution.whole(q);
    }

    public long kMin() {
        return Grid.kMin(lower, q);
    }

    public long kMax() {
        return Grid.kMax(upper, q);
    }
}
