package dev.pactum.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Registers {@link ModelContractCheck} with the engine, so every new deployment (Camunda Modeler, the engine REST
 * API, the app's own processes at start-up) is checked against the code before it is accepted. The Camunda Spring
 * Boot starter adds every {@code ProcessEnginePlugin} bean to the engine configuration.
 */
@Component
class ModelDeploymentChecks extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;
    private final MessageSource messages;

    public ModelDeploymentChecks(ListableBeanFactory beans, MessageSource messages) {
        this.beans = beans;
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners()
                .add(new ModelContractCheck(name -> ProcessBeans.delegateBeanNames(beans).contains(name),
                        ModelDeploymentChecks.class.getClassLoader(), messages));
    }
}
