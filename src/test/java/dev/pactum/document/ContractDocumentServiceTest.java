package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractFixtures;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@PactumTest
class ContractDocumentServiceTest {

    @Autowired
    ContractDocumentService documents;
    @Autowired
    ContractRepository contracts;
    @Autowired
    CustomerRepository customers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachRenderStoresTheNextImmutableVersion() throws Exception {
        long contractId = createContract("HT-2026-900001", "91310115MA1K3YJH7");

        DocumentVersionInfo first = documents.renderNewVersion(contractId, "zhangsan");
        DocumentVersionInfo second = documents.renderNewVersion(contractId, "lisi");

        assertThat(documents.versions(contractId))
                .extracting(DocumentVersionInfo::version, DocumentVersionInfo::createdBy)
                .containsExactly(tuple(1, "zhangsan"),
                        tuple(2, "lisi"));
        assertThat(first.sizeBytes()).isPositive();
        assertThat(first.sha256()).hasSize(64);

        StoredDocument latest = documents.latest(contractId).orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.contentType()).isEqualTo("application/pdf");
        assertThat(latest.templateKey()).isEqualTo("sales-standard");
        assertThat(latest.sha256()).isEqualTo(second.sha256()).isEqualTo(ContractDocumentService.sha256Hex(latest.content()));
        assertThat(latest.content()).hasSize(second.sizeBytes());
        try (PDDocument pdf = Loader.loadPDF(latest.content())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("华东精密仪器 & 贸易有限公司", "HT-2026-900001", "人民币壹佰万元整", "Pactum 演示有限公司");
        }
    }

    @Test
    void storedVersionsCannotBeChangedOrDeleted() {
        long contractId = createContract("HT-2026-900002", "91310115MA1K3YJH8");
        documents.renderNewVersion(contractId, "zhangsan");

        assertThatThrownBy(() -> jdbc.update(
                "update contract_document_version set created_by = 'mallory' where contract_id = ?", contractId))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from contract_document_version where contract_id = ?", contractId))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(documents.versions(contractId)).singleElement()
                .satisfies(v -> assertThat(v.createdBy()).isEqualTo("zhangsan"));
    }

    @Test
    void concurrentRendersOfOneContractGetDistinctVersions() throws Exception {
        long contractId = createContract("HT-2026-900003", "91310115MA1K3YJH9");
        int callers = 4;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<DocumentVersionInfo>> renders = IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return documents.renderNewVersion(contractId, "user" + i);
                    }, pool))
                    .toList();
            List<Integer> numbers = renders.stream().map(CompletableFuture::join).map(DocumentVersionInfo::version).toList();

            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
            assertThat(documents.versions(contractId)).hasSize(callers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aContractWithoutDocumentsHasNoLatest() {
        long contractId = createContract("HT-2026-900004", "91310115MA1K3YJHA");

        assertThat(documents.latest(contractId)).isEmpty();
        assertThat(documents.versions(contractId)).isEmpty();
    }

    private long createContract(String number, String creditCodeBase) {
        return transactions.execute(status -> {
            Customer customer = ContractFixtures.customer("华东精密仪器 & 贸易有限公司",
                    CreditCodes.withCheckCharacter(creditCodeBase), "王芳", "021-5555 0101", "wang.fang@huadong.example");
            customers.save(customer);

            Contract contract = ContractFixtures.contract(number, customer, "zhangsan", "精密测量仪器年度供货",
                    ContractType.SALES, "sales-standard", "1000000.00", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), 30);
            ContractFixtures.setFields(contract, Map.of("交货地点", "苏州工业园区"));
            return contracts.save(contract).getId();
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
