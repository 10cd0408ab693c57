package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PactumTest
class DocumentWarmUpTest {

    @Autowired
    DocumentWarmUp warmUp;

    @Test
    void everyTemplateHasBeenRenderedBeforeTheApplicationIsReady() {
        // Not awaited here: the application may not start serving before the warm-up is over.
        assertThat(warmUp.isWarm()).isTrue();
    }
}
