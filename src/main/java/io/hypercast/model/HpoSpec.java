package io.hypercast.model;

import java.util.Objects;

/** An HPO: a backtest definition, a search space and a search algorithm (SPEC section 4). */
public record HpoSpec(BacktestSpec backtest, SearchSpace searchSpace, SearchAlgorithm searchAlgorithm) {
    public HpoSpec {
        Objects.requireNonNull(backtest, "backtest");
        if (searchSpace == null) {
            throw new InvalidInputException("search_space", "is required");
        }
        if (searchAlgorithm == null) {
            throw new InvalidInputException("search_algorithm", "is required");
        }
    }
}
