package dev.pactum.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.integration.IntegrationProcess;
import dev.pactum.integration.PaymentMatchingProcess;
import dev.pactum.process.ContractProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Each process's diagram as an operator sees it in Cockpit (bpmn-js renders it as SVG in Chromium) reads cleanly: no
 * task name under its type icon, no label on another label, shape or flow, no shapes on each other, no flow across a
 * shape it does not connect. Measured in the rendered SVG by {@code diagram-reading-problems.js}, on the process's
 * plane and on the plane of each collapsed sub-process; screenshots in {@code target/screenshots/cockpit-diagram-*}.
 */
@PactumTest
class CockpitDiagramsTest {

    static final String COCKPIT = "/camunda/app/cockpit/default/";

    static Chromium browser;

    @Autowired RepositoryService repository;

    @BeforeAll
    static void startBrowser(@Value("${local.server.port}") int port) {
        browser = Chromium.start(port);
        // Large enough that Cockpit fits the lifecycle (about 4,900 × 2,700 units) at a zoom where the screenshots can
        // be read; the measurement itself is in diagram units, whatever the zoom.
        browser.resize(3840, 2400);
        browser.logIn("admin");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ContractProcess.KEY, ContractProcess.AMENDMENT_KEY, IntegrationProcess.KEY,
            PaymentMatchingProcess.KEY})
    void theDiagramReadsCleanlyInCockpit(String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Map<String, Map<String, Object>> elements = elements(model);

        browser.open(COCKPIT + "#/process-definition/" + definition.getId() + "/runtime");
        List<String> problems = new ArrayList<>(measure(elements, processKey, null));

        for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
            if (collapsed(subProcess)) {
                String id = subProcess.getId();
                browser.click(".djs-overlays[data-container-id='" + id + "'] .bjs-drilldown");
                problems.addAll(measure(elements, processKey + "-" + id, id).stream()
                        .map(problem -> id + ": " + problem).toList());
                browser.open(COCKPIT + "#/process-definition/" + definition.getId() + "/runtime");
            }
        }

        assertThat(problems).as("what makes %s hard to read in Cockpit (see target/screenshots/cockpit-diagram-%s*.png)",
                processKey, processKey).isEmpty();
    }

    /**
     * Waits until bpmn-js shows the plane of {@code subProcess} (null: the process's own plane), screenshots it and
     * returns its problems, having checked that the script found every shape drawn on that plane.
     */
    @SuppressWarnings("unchecked")
    private static List<String> measure(Map<String, Map<String, Object>> elements, String screenshot,
            String subProcess) {
        List<String> drawn = elements.entrySet().stream()
                .filter(e -> !"flow".equals(e.getValue().get("kind")))
                .filter(e -> Objects.equals(plane(elements, e.getValue()), subProcess))
                .map(Map.Entry::getKey).toList();
        String shown = ".djs-container g.djs-element[data-element-id='" + drawn.get(0) + "']";
        browser.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const e = document.querySelector(arguments[0]); return !!e && e.getBoundingClientRect().width > 0",
                shown));
        // Cockpit's statistics overlays ("正在加载…" until they arrive) belong in the screenshot.
        browser.waitUntil(d -> !d.findElement(By.tagName("body")).getText().contains("正在加载"));
        browser.screenshot("cockpit-diagram-" + screenshot);
        Map<String, List<String>> result = (Map<String, List<String>>) browser.driver.executeScript(script(), elements);
        assertThat(result.get("measured")).as("shapes measured on the plane of %s", subProcess)
                .containsExactlyInAnyOrderElementsOf(drawn);
        return result.get("problems");
    }

    /** The collapsed sub-process whose plane draws the element (null: the process's own plane). */
    private static String plane(Map<String, Map<String, Object>> elements, Map<String, Object> element) {
        List<?> ancestors = (List<?>) element.get("ancestors");
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            if ("activity".equals(elements.get(ancestors.get(i)).get("kind"))) {
                return (String) ancestors.get(i);
            }
        }
        return null;
    }

    /** What the script needs to know of each element that the SVG does not say: kind, enclosing sub-processes, host. */
    private static Map<String, Map<String, Object>> elements(BpmnModelInstance model) {
        Map<String, Map<String, Object>> elements = new LinkedHashMap<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("ancestors", ancestors(element));
            if (element instanceof SequenceFlow flow) {
                described.put("kind", "flow");
                described.put("source", flow.getSource().getId());
                described.put("target", flow.getTarget().getId());
            } else if (element instanceof SubProcess subProcess && !collapsed(subProcess)) {
                described.put("kind", "container");
            } else if (element instanceof Activity) {
                described.put("kind", "activity");
            } else if (element instanceof BoundaryEvent boundary) {
                described.put("kind", "boundary");
                described.put("host", boundary.getAttachedTo().getId());
            } else if (element instanceof Event) {
                described.put("kind", "event");
            } else if (element instanceof Gateway) {
                described.put("kind", "gateway");
            } else if (element instanceof DataObjectReference || element instanceof DataStoreReference) {
                described.put("kind", "data");
            } else {
                continue;
            }
            elements.put(element.getId(), described);
        }
        return elements;
    }

    /** Drawn as a task with a drill-down to a plane of its own (the sub-process is also that plane's element). */
    private static boolean collapsed(SubProcess subProcess) {
        return subProcess.getModelInstance().getModelElementsByType(BpmnShape.class).stream()
                .anyMatch(shape -> shape.getBpmnElement() != null
                        && shape.getBpmnElement().getId().equals(subProcess.getId()) && !shape.isExpanded());
    }

    /** The sub-processes around an element, outermost first. */
    private static List<String> ancestors(FlowElement element) {
        List<String> ancestors = new ArrayList<>();
        for (ModelElementInstance parent = element.getParentElement(); parent instanceof SubProcess subProcess;
                parent = parent.getParentElement()) {
            ancestors.add(0, subProcess.getId());
        }
        return ancestors;
    }

    private static String script() {
        try (InputStream in = CockpitDiagramsTest.class.getResourceAsStream("diagram-reading-problems.js")) {
            assertThat(in).as("diagram-reading-problems.js next to this class").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
