package io.ngisec.app.service;

import java.util.List;
import java.util.Objects;

/** The audio menus as listed now, and what is selected in each. */
public record AudioChoices(List<AudioChoice> inputs, List<AudioChoice> outputs, AudioChoice input, AudioChoice output) {

    public AudioChoices {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
