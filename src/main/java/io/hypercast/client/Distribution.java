package io.hypercast.client;

/**
 * A search-space distribution as the client writes it. Values are checked when the HPO is created,
 * so that the error names the parameter (e.g. {@code search_space.learning_rate.lower}).
 */
public sealed interface Distribution permits Uniform, QUniform, LogUniform, QLogUniform, Choice, Constant {
    io.hypercast.model.Distribution toModel();
}
