package dev.pactum.process;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The beans a model's expressions may name: Pactum's delegates and listeners, nothing else. Without this the
 * engine resolves a name against the whole Spring context, and a deployed {@code ${contractRepository}} or
 * {@code ${dataSource}} would reach straight into the database. Looked up lazily: the delegates themselves need
 * the engine's services, which do not exist yet when the engine is configured.
 */
@Component
class ProcessBeans extends AbstractProcessEnginePlugin {

    private static final Class<?>[] DELEGATE_TYPES = {JavaDelegate.class, TaskListener.class, ExecutionListener.class};

    private final ListableBeanFactory beans;

    ProcessBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(new DelegateBeans(beans));
    }

    /** Names of Pactum's delegate beans, resolved on first use. */
    static Set<String> delegateBeanNames(ListableBeanFactory beans) {
        return Arrays.stream(DELEGATE_TYPES)
                .flatMap(type -> Arrays.stream(beans.getBeanNamesForType(type, false, false)))
                .filter(name -> beans.getType(name) != null
                        && beans.getType(name).getName().startsWith("dev.pactum."))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A read-only map from the allowed bean names to the beans, as the engine's expression resolver reads it. */
    private static final class DelegateBeans extends AbstractMap<Object, Object> {

        private final ListableBeanFactory beans;
        private final Supplier<Set<String>> names;

        DelegateBeans(ListableBeanFactory beans) {
            this.beans = beans;
            this.names = SingletonSupplier.of(() -> delegateBeanNames(beans));
        }

        @Override
        public boolean containsKey(Object name) {
            return name instanceof String key && names.get().contains(key);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? beans.getBean((String) name) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names.get().stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(
                    name, beans.getBean(name))).collect(Collectors.toUnmodifiableSet());
        }
    }
}
