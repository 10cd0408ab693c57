package dev.pactum.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.context.MessageSource;
import org.springframework.util.ClassUtils;

/**
 * Refuses a new BPMN deployment that breaks the model's contract with the code, naming each element at fault in
 * Chinese and English. Checked for every executable process:
 * <ul>
 * <li>{@code camunda:delegateExpression} and {@code camunda:expression} of the form {@code ${beanName}}, on tasks,
 * events and listeners alike: a Spring bean of that name exists;</li>
 * <li>{@code camunda:class}: one of Pactum's own classes, and it can be loaded;</li>
 * <li>no script task and no script (listeners, inputs, outputs): nothing the server would run that is not Pactum's
 * code;</li>
 * <li>every expression is one {@link SafeExpressions} allows: names, literals, comparisons, and reading variables;
 * the engine resolves names to the delegate beans of {@link ProcessBeans} only, never to the whole context;</li>
 * <li>{@code camunda:formRef} (start events, user tasks): the form is in this deployment or, unless the binding is
 * {@code deployment}, was deployed earlier (for binding {@code version}: that version);</li>
 * <li>a contract lifecycle process ({@code contractLifecycle}, or any process using the lifecycle's element ids)
 * gets {@code contractId}, which every lifecycle delegate reads: its start event declares a {@code contractId} form
 * field, or the process runs {@code ${registerContractFromForm}}, which drafts the contract and sets it, or (an
 * amendment's approval) {@code ${bindAmendmentToProcess}}, which reads it from the amendment.</li>
 * </ul>
 * The refusal is a {@link BpmnParseException}: the engine turns it into a {@code ParseException}, which the engine
 * REST API answers with 400 and the message (and the element's id and line) that Camunda Modeler shows.
 * Deployments already in the database are not checked again when the engine loads them.
 */
class ModelContractCheck extends AbstractBpmnParseListener {

    static final String REGISTER_CONTRACT = "${registerContractFromForm}";
    /** An amendment's approval gets {@code contractId} from this start listener. */
    static final String BIND_AMENDMENT = "${bindAmendmentToProcess}";
    /** BPMN script tasks and Camunda's script elements (listeners, input/output): code the server would run. */
    private static final Set<String> SCRIPTS = Set.of("scriptTask", "script");
    /** A {@code camunda:class} must be one of Pactum's own. */
    private static final String OWN_PACKAGES = "dev.pactum.";

    private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Predicate<String> beanExists;
    private final ClassLoader classLoader;
    private final MessageSource messages;

    ModelContractCheck(Predicate<String> beanExists, ClassLoader classLoader, MessageSource messages) {
        this.beanExists = beanExists;
        this.classLoader = classLoader;
        this.messages = messages;
    }

    private record Problem(Element element, String text) {
    }

    @Override
    public void parseRootElement(Element definitions, List<ProcessDefinitionEntity> processDefinitions) {
        if (processDefinitions.isEmpty()) {
            return;
        }
        DeploymentEntity deployment = deployment(processDefinitions.get(0).getDeploymentId());
        if (deployment != null && !deployment.isNew()) {
            return;
        }
        Set<String> executable = processDefinitions.stream().map(ProcessDefinitionEntity::getKey)
                .collect(Collectors.toSet());
        List<Problem> problems = new ArrayList<>();
        for (Element process : definitions.elements("process")) {
            if (executable.contains(process.attribute("id"))) {
                checkProcess(process, deployment, problems);
            }
        }
        if (!problems.isEmpty()) {
            String message = problems.stream().map(Problem::text).collect(Collectors.joining("\n"));
            throw new BpmnParseException(message, problems.get(0).element());
        }
    }

    private void checkProcess(Element process, DeploymentEntity deployment, List<Problem> problems) {
        checkScope(process, process, deployment, problems);
        List<Element> all = new ArrayList<>();
        collect(process, all);
        if (isLifecycle(process, all)) {
            checkContractIdProvided(process, all, problems);
        }
    }

    /** @param owner the element the scope's references belong to: the nearest with an id (a listener has none) */
    private void checkScope(Element scope, Element owner, DeploymentEntity deployment, List<Problem> problems) {
        for (Element child : scope.elements()) {
            Element childOwner = child.attribute("id") != null ? child : owner;
            checkReferences(child, childOwner, deployment, problems);
            checkScope(child, childOwner, deployment, problems);
        }
    }

    private void checkReferences(Element element, Element owner, DeploymentEntity deployment, List<Problem> problems) {
        if (SCRIPTS.contains(element.getTagName())) {
            problems.add(problem(owner, "pactum.deployment.scriptRefused", element.getTagName()));
        }
        for (String attribute : element.attributes()) {
            SafeExpressions.unsafeIn(element.attribute(attribute))
                    .forEach(unsafe -> problems.add(problem(owner, "pactum.deployment.expressionRefused", unsafe)));
        }
        SafeExpressions.unsafeIn(element.getText())
                .forEach(unsafe -> problems.add(problem(owner, "pactum.deployment.expressionRefused", unsafe)));
        for (String attribute : List.of("delegateExpression", "expression")) {
            String expression = camundaAttribute(element, attribute);
            Matcher bean = expression == null ? null : BEAN_EXPRESSION.matcher(expression.strip());
            if (bean != null && bean.matches() && !beanExists.test(bean.group(1))) {
                problems.add(problem(owner, "pactum.deployment.unknownBean", expression.strip()));
            }
        }
        String className = camundaAttribute(element, "class");
        if (className != null && !className.strip().startsWith(OWN_PACKAGES)) {
            problems.add(problem(owner, "pactum.deployment.classRefused", className.strip()));
        } else if (className != null && !ClassUtils.isPresent(className.strip(), classLoader)) {
            problems.add(problem(owner, "pactum.deployment.classNotFound", className.strip()));
        }
        String formRef = element.attributeNS(CAMUNDA, "formRef");
        if (formRef != null && !formRef.contains("{") && !formExists(formRef, element, deployment)) {
            String binding = element.attributeNS(CAMUNDA, "formRefBinding", "latest");
            problems.add(problem(owner, "deployment".equals(binding)
                    ? "pactum.deployment.formNotInDeployment" : "pactum.deployment.formNotFound", formRef));
        }
    }

    private boolean formExists(String formKey, Element element, DeploymentEntity deployment) {
        if (deployment != null && deployment.getResources() != null
                && deployment.getResources().values().stream().anyMatch(resource -> isForm(resource, formKey))) {
            return true;
        }
        String binding = element.attributeNS(CAMUNDA, "formRefBinding", "latest");
        CommandContext command = Context.getCommandContext();
        if (command == null || "deployment".equals(binding)) {
            return false;
        }
        var forms = command.getCamundaFormDefinitionManager();
        if ("version".equals(binding)) {
            String version = element.attributeNS(CAMUNDA, "formRefVersion");
            return version != null && version.matches("\\d+")
                    && forms.findDefinitionByKeyVersionAndTenantId(formKey, Integer.valueOf(version), null) != null;
        }
        return forms.findLatestDefinitionByKey(formKey) != null;
    }

    private static boolean isForm(ResourceEntity resource, String formKey) {
        if (resource.getName() == null || !resource.getName().endsWith(".form") || resource.getBytes() == null) {
            return false;
        }
        try {
            JsonNode id = JSON.readTree(resource.getBytes()).get("id");
            return id != null && formKey.equals(id.asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLifecycle(Element process, List<Element> all) {
        return ContractProcess.KEY.equals(process.attribute("id"))
                || all.stream().map(element -> element.attribute("id"))
                        .anyMatch(id -> id != null && ContractProcess.Element.LIFECYCLE.contains(id));
    }

    private void checkContractIdProvided(Element process, List<Element> all, List<Problem> problems) {
        boolean registers = all.stream().anyMatch(element ->
                REGISTER_CONTRACT.equals(strip(camundaAttribute(element, "delegateExpression")))
                        || REGISTER_CONTRACT.equals(strip(camundaAttribute(element, "expression")))
                        || BIND_AMENDMENT.equals(strip(camundaAttribute(element, "delegateExpression"))));
        List<Element> startEvents = process.elements("startEvent");
        boolean declared = startEvents.stream().anyMatch(start -> {
            List<Element> fields = new ArrayList<>();
            collect(start, fields);
            return fields.stream().anyMatch(field -> "formField".equals(field.getTagName())
                    && ContractProcess.Var.CONTRACT_ID.equals(field.attribute("id")));
        });
        if (!registers && !declared) {
            problems.add(problem(startEvents.isEmpty() ? process : startEvents.get(0),
                    "pactum.deployment.contractIdMissing", REGISTER_CONTRACT));
        }
    }

    /** "元素 x（名称）… / Element x (name) …": both languages, so whoever deployed can read it. */
    private Problem problem(Element element, String key, String reference) {
        String id = element.attribute("id", "?");
        String name = element.attribute("name");
        String chinese = name == null || name.isBlank() ? id + " " : id + "（" + name.strip() + "）";
        String english = name == null || name.isBlank() ? id : id + " (" + name.strip() + ")";
        return new Problem(element, messages.getMessage(key, new Object[] {chinese, reference}, CHINESE)
                + " / " + messages.getMessage(key, new Object[] {english, reference}, Locale.ENGLISH));
    }

    private static void collect(Element element, List<Element> into) {
        for (Element child : element.elements()) {
            into.add(child);
            collect(child, into);
        }
    }

    private static DeploymentEntity deployment(String deploymentId) {
        CommandContext command = Context.getCommandContext();
        if (command == null || deploymentId == null) {
            return null;
        }
        return command.getDbEntityManager().getCachedEntity(DeploymentEntity.class, deploymentId);
    }

    /**
     * A Camunda attribute: {@code camunda:class} on a BPMN element, plain {@code class} on Camunda's own elements
     * ({@code camunda:taskListener}, {@code camunda:executionListener} …).
     */
    private static String camundaAttribute(Element element, String name) {
        boolean camundaElement = CAMUNDA.getNamespaceUri().equals(element.getUri())
                || (CAMUNDA.hasAlternativeUri() && CAMUNDA.getAlternativeUri().equals(element.getUri()));
        return camundaElement ? element.attribute(name) : element.attributeNS(CAMUNDA, name);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
