package dev.pactum;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PactumTest
class ApplicationStartsTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void engineRunsOnTheEmbeddedDatabase() {
        assertThat(engine.getName()).isNotBlank();
        assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_EXECUTION");
    }
}
