package org.clinval.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void wordsParseAndTheSymbolsThatMeanOppositeThingsInPRocAreRefused() {
        assertThat(Direction.parse(" Higher ")).isEqualTo(Direction.HIGHER);
        assertThat(Direction.parse("lower")).isEqualTo(Direction.LOWER);
        // pROC::roc(direction = "<") is controls < cases: higher scores positive
        assertThatThrownBy(() -> Direction.parse("<"))
                .hasMessage(
                        "direction '<' is ambiguous: write higher or lower (pROC's direction"
                                + " = \"<\" is higher, \">\" is lower)");
        assertThatThrownBy(() -> Direction.parse(">")).hasMessageStartingWith("direction '>'");
        assertThatThrownBy(() -> Direction.parse("up"))
                .hasMessage("direction is not one of higher, lower: up");
    }
}
