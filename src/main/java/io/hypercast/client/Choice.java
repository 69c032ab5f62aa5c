package io.hypercast.client;

import java.util.Arrays;
import java.util.List;

/** One of the values, each keeping its type: {@code new Choice("l2", "huber")}, {@code Choice.of(true, false)}. */
public record Choice(List<Object> choices) implements Distribution {
    public Choice(Object... choices) {
        this(Arrays.asList(choices));
    }

    @Override
    public io.hypercast.model.Distribution toModel() {
        return new io.hypercast.model.Choice(choices);
    }
}
