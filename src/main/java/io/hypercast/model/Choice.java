package io.hypercast.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One of the listed values, each keeping its own type: Long or Double for numbers, String, Boolean,
 * or null. Results report the value itself, never its index.
 */
public record Choice(List<Object> choices) implements Distribution {
    public Choice {
        if (choices == null || choices.isEmpty()) {
            throw new InvalidInputException("choices", "a Choice needs at least one value");
        }
        List<Object> copy = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            Object v = ParamValues.normalize(choices.get(i), "choices[" + i + "]");
            if (copy.stream().anyMatch(c -> ParamValues.same(c, v))) {
                throw new InvalidInputException("choices[" + i + "]", "duplicate value " + ParamValues.display(v));
            }
            copy.add(v);
        }
        choices = Collections.unmodifiableList(copy);
    }

    @Override
    public String type() {
        return "Choice";
    }
}
