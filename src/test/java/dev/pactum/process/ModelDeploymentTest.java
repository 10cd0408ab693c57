package dev.pactum.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Analysts deploy from Camunda Modeler: the same multipart call to the engine REST API, over real HTTP. */
@PactumTest
class ModelDeploymentTest {

    static final String COPY_KEY = "contractLifecycleAnalystCopy";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;

    final HttpClient http = HttpClient.newHttpClient();
    final String deploymentName = "modeler-" + UUID.randomUUID();

    @AfterEach
    void removeTheDeployments() {
        repository.createDeploymentQuery().deploymentName(deploymentName).list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void anAnalystDeploysAValidCopyOfTheLifecycle() throws Exception {
        HttpResponse<String> response = deploy("analyst1", "contract-lifecycle-copy.bpmn", lifecycleCopy());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo(deploymentName);
        assertThat(body.at("/deployedProcessDefinitions").findValuesAsText("key")).containsExactly(COPY_KEY);
    }

    @Test
    void aModelThatWouldRunCodeOnTheServerIsRefused() throws Exception {
        String beanCall = lifecycleCopy().replace("${levelReminderAt}", "${contractRepository.count()}");
        String reflection = lifecycleCopy().replace("${contractOwner}",
                "${''.getClass().forName('java.lang.Runtime')}");
        String script = lifecycleCopy().replace("<bpmn:serviceTask id=\"renderDocument\"",
                "<bpmn:scriptTask id=\"sneaky\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script>"
                        + "</bpmn:scriptTask><bpmn:serviceTask id=\"renderDocument\"");
        String foreignClass = lifecycleCopy().replace("camunda:delegateExpression=\"${renderContractDocument}\"",
                "camunda:class=\"org.springframework.util.FileSystemUtils\"");
        String otherBean = lifecycleCopy().replace("${renderContractDocument}", "${contractService}");

        for (String model : new String[] {beanCall, reflection, script, foreignClass, otherBean}) {
            HttpResponse<String> response = deploy("analyst1", "contract-lifecycle-copy.bpmn", model);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        }
        assertThat(deploy("analyst1", "contract-lifecycle-copy.bpmn", beanCall).body())
                .contains("${contractRepository.count()}");
        assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
    }

    @Test
    void aSalesUserMayNotDeploy() throws Exception {
        HttpResponse<String> response = deploy("sales1", "contract-lifecycle-copy.bpmn", lifecycleCopy());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
    }

    @Test
    void aModelWithAnUnknownDelegateBeanIsRefusedNamingTheElement() throws Exception {
        String misspelt = lifecycleCopy().replace("${renderContractDocument}", "${renderContractDocumnt}");

        HttpResponse<String> response = deploy("analyst1", "contract-lifecycle-copy.bpmn", misspelt);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText())
                .contains("元素 renderDocument（生成合同文本 Render contract document）引用了不存在的 Bean ${renderContractDocumnt}")
                .contains("Element renderDocument (生成合同文本 Render contract document) refers to the bean "
                        + "${renderContractDocumnt}, which does not exist");
        JsonNode error = body.at("/details/contract-lifecycle-copy.bpmn/errors/0");
        assertThat(error.get("mainElementId").asText()).isEqualTo("renderDocument");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
    }

    @Test
    void aLifecycleWithoutContractIdAMissingFormAndAnUnloadableClassIsRefusedWithEveryProblem() throws Exception {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="brokenLifecycle"
                                  targetNamespace="https://pactum.dev/processes">
                  <bpmn:process id="shortcutLifecycle" name="捷径 Shortcut" isExecutable="true"
                                camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="started" name="开始 Start" />
                    <bpmn:sequenceFlow id="toRender" sourceRef="started" targetRef="renderDocument" />
                    <bpmn:serviceTask id="renderDocument" name="生成合同文本"
                                      camunda:delegateExpression="${renderContractDocument}">
                      <bpmn:extensionElements>
                        <camunda:executionListener class="dev.pactum.NoSuchListener" event="end" />
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="toReview" sourceRef="renderDocument" targetRef="review" />
                    <bpmn:userTask id="review" name="复核 Review" camunda:formRef="noSuchForm"
                                   camunda:formRefBinding="latest" />
                    <bpmn:sequenceFlow id="toEnd" sourceRef="review" targetRef="ended" />
                    <bpmn:endEvent id="ended" />
                  </bpmn:process>
                </bpmn:definitions>
                """;

        HttpResponse<String> response = deploy("analyst1", "shortcut.bpmn", model);

        assertThat(response.statusCode()).isEqualTo(400);
        String message = json.readTree(response.body()).get("message").asText();
        assertThat(message)
                .contains("元素 renderDocument（生成合同文本）引用的类 dev.pactum.NoSuchListener 无法加载")
                .contains("Element review (复核 Review) refers to the form noSuchForm, which is neither in this "
                        + "deployment nor deployed earlier")
                .contains("元素 started（开始 Start）开始的合同流程拿不到 contractId")
                .contains("must run ${registerContractFromForm}");
    }

    @Test
    void aFormInTheSameDeploymentSatisfiesTheFormReference() throws Exception {
        String model = lifecycleCopy().replace("camunda:formRef=\"reviseContract\"", "camunda:formRef=\"analystRevise\"");
        String form = """
                {"id":"analystRevise","type":"default","schemaVersion":16,"components":[
                  {"id":"note","key":"note","type":"textfield","label":"备注 Note"}]}""";

        HttpResponse<String> response = deploy("analyst1", "contract-lifecycle-copy.bpmn", model,
                "analyst-revise.form", form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String lifecycleCopy() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/contract-lifecycle.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"contractLifecycle\"",
                    "\"" + COPY_KEY + "\"");
        }
    }

    /** What Camunda Modeler sends: multipart/form-data with the deployment's name, source and files. */
    private HttpResponse<String> deploy(String user, String... filesAndContents)
            throws IOException, InterruptedException {
        String boundary = "----pactum" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, deploymentName);
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "deploy-changed-only", null, "false");
        for (int i = 0; i < filesAndContents.length; i += 2) {
            part(body, boundary, filesAndContents[i], filesAndContents[i], filesAndContents[i + 1]);
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String content)
            throws IOException {
        StringBuilder header = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            header.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
        }
        header.append("\r\n\r\n");
        body.write(header.toString().getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
