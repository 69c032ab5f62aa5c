package io.hypercast.client;

public sealed interface SearchAlgorithm permits Hyperopt, RandomSearch {
    io.hypercast.model.SearchAlgorithm toModel();
}
