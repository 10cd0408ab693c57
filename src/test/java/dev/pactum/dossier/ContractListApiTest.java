package dev.pactum.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/contracts} as V160 makes it: n-gram substring search in Chinese of any length, the new filters,
 * keyset paging by cursor, with the owner rule holding everywhere. Expected rows come from plain SQL over the tables.
 */
@PactumTest
class ContractListApiTest {

    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;

    /** Four random CJK characters: this test's contracts and customer, and nobody else's. */
    String token;
    long customerId;
    List<Long> sales1Contracts = new ArrayList<>();
    List<Long> sales2Contracts = new ArrayList<>();

    @BeforeEach
    void contracts() throws Exception {
        token = randomHan(4);
        ApiClient.Response customer = api.send("sales1", "POST", "/api/customers", """
                {"name":"%s精密机械有限公司","creditCode":"%s","contactName":"钱七","contactEmail":"qian@example.com"}"""
                .formatted(token, TestContracts.newCreditCode()), null);
        assertThat(customer.status()).isEqualTo(201);
        customerId = customer.body().get("id").asLong();
        sales1Contracts.add(draft("sales1", "2026年度数控机床采购合同", "SALES", "150000"));
        sales1Contracts.add(draft("sales1", token.substring(2) + "年度运维服务合同", "SALES", "880000"));
        sales1Contracts.add(draft("sales1", "工业机器人销售合同", "SALES", "2400000"));
        sales2Contracts.add(draft("sales2", "光伏组件销售合同", "SALES", "56000"));
        sales2Contracts.add(draft("sales2", "数控机床销售合同（二期）", "SALES", "990000"));
    }

    @Test
    void substringSearchFindsChineseOfEveryLengthInTitlesCustomerNamesAndNumbers() throws Exception {
        String number = jdbc.queryForObject("select number from contract where id = ?", String.class,
                sales1Contracts.get(0));
        for (String text : List.of(token, token.substring(0, 2), token.substring(1, 2), token.substring(2),
                "数控机床", "机床", "床", "精密机械", number, number.substring(number.length() - 5),
                number.toLowerCase(Locale.ROOT), "不存在的合同")) {
            assertThat(ids("manager1", "/api/contracts?size=50&customerId=" + customerId + "&q=" + encode(text)))
                    .as("q=%s", text).containsExactlyElementsOf(expected(null, text));
            assertThat(ids("sales2", "/api/contracts?size=50&customerId=" + customerId + "&q=" + encode(text)))
                    .as("q=%s as sales2", text).containsExactlyElementsOf(expected("sales2", text));
        }
    }

    @Test
    void aRenamedCustomerIsFoundByItsNewNameOnly() throws Exception {
        String renamed = randomHan(4);
        jdbc.update("update customer set name = ? where id = ?", renamed + "智能装备有限公司", customerId);

        assertThat(ids("manager1", "/api/contracts?q=" + encode(renamed))).hasSize(5);
        assertThat(ids("manager1", "/api/contracts?q=" + encode(token + "精密"))).isEmpty();
        JsonNode row = api.send("manager1", "GET", "/api/contracts?q=" + encode(renamed), null, null).body();
        assertThat(row.at("/content/0/customerName").asText()).isEqualTo(renamed + "智能装备有限公司");
    }

    @Test
    void filtersOnOwnerTypeDatesAndAmounts() throws Exception {
        String base = "/api/contracts?size=50&customerId=" + customerId;
        assertThat(ids("manager1", base + "&owner=sales2")).containsExactlyInAnyOrderElementsOf(sales2Contracts);
        assertThat(ids("manager1", base + "&minAmount=150000&maxAmount=990000"))
                .containsExactlyInAnyOrder(sales1Contracts.get(0), sales1Contracts.get(1), sales2Contracts.get(1));
        assertThat(ids("manager1", base + "&type=SALES")).hasSize(5);
        assertThat(ids("manager1", base + "&type=PURCHASE")).isEmpty();
        String today = jdbc.queryForObject("select (created_at at time zone 'Asia/Shanghai')::date::text from contract"
                + " where id = ?", String.class, sales1Contracts.get(0));
        assertThat(ids("manager1", base + "&from=" + today + "&to=" + today)).hasSize(5);
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        assertThat(ids("manager1", base + "&from=" + tomorrow)).isEmpty();
        assertThat(ids("sales1", base + "&owner=sales2")).isEmpty();

        JsonNode page = api.send("manager1", "GET", base + "&sort=amount,asc", null, null).body();
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(5);
        assertThat(page.at("/page/totalExact").asBoolean()).isTrue();
        assertThat(page.at("/content/0/amount").decimalValue()).isEqualByComparingTo("56000");
    }

    @Test
    void cursorsWalkEveryRowOnceInTheListsOrderAndKeepTheOwnerRule() throws Exception {
        String base = "/api/contracts?customerId=" + customerId;
        for (String sort : List.of("createdAt,desc", "amount,asc", "title,asc", "customerName,desc")) {
            List<Long> byNumber = ids("manager1", base + "&size=50&sort=" + sort);
            List<Long> byCursor = new ArrayList<>();
            JsonNode page = api.send("manager1", "GET", base + "&size=2&cursor=&sort=" + sort, null, null).body();
            assertThat(page.has("page")).as("no total by cursor").isFalse();
            while (true) {
                page.get("content").forEach(row -> byCursor.add(row.get("id").asLong()));
                if (!page.hasNonNull("next")) {
                    break;
                }
                page = api.send("manager1", "GET", base + "&size=2&cursor=" + encode(page.get("next").asText()),
                        null, null).body();
            }
            assertThat(byCursor).as(sort).hasSize(5).containsExactlyElementsOf(byNumber);
        }

        // A page by number hands out the cursor of what follows it; a sales user following it sees only their own.
        JsonNode first = api.send("manager1", "GET", base + "&size=1&sort=amount,asc", null, null).body();
        String next = first.get("next").asText();
        assertThat(ids("manager1", base + "&size=50&cursor=" + encode(next))).hasSize(4);
        assertThat(ids("sales2", base + "&size=50&cursor=" + encode(next))).containsExactly(sales2Contracts.get(1));
    }

    @Test
    void aCursorThatIsNotOneOfOursIsABadRequestInTheCallersLanguage() throws Exception {
        for (String cursor : List.of("garbage", "MQpjcmVhdGVkCmRlc2MKMQpub3QtYS1kYXRl", "MQpzZWNyZXQKYXNjCjEKeA")) {
            ApiClient.Response answer = api.send("sales1", "GET", "/api/contracts?cursor=" + cursor, null, "en");
            assertThat(answer.status()).as(cursor).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("cursor");
            assertThat(answer.body().at("/errors/0/message").asText()).contains("not a cursor of this list");
        }
        ApiClient.Response zh = api.send("sales1", "GET", "/api/contracts?cursor=garbage", null, "zh-CN");
        assertThat(zh.body().at("/errors/0/message").asText()).contains("分页游标无效");
    }

    @Test
    void theApiDocumentationSaysHowToPageAndWhenTotalsAreEstimates() throws Exception {
        JsonNode list = api.send("sales1", "GET", "/v3/api-docs", null, null).body().at("/paths/~1api~1contracts/get");
        List<String> parameters = new ArrayList<>();
        list.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asText()));
        assertThat(parameters).contains("status", "type", "customerId", "owner", "from", "to", "minAmount",
                "maxAmount", "q", "cursor", "page", "size", "sort");
        assertThat(list.get("description").asText()).contains("totalExact", "2,000", "cursor", "next");
    }

    /** The test's contracts holding {@code text} (case-insensitively), newest first, by SQL without the index. */
    private List<Long> expected(String owner, String text) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT) + "%";
        return jdbc.queryForList("""
                select c.id from contract c join customer cu on cu.id = c.customer_id
                where c.customer_id = ? and (cast(? as varchar) is null or c.owner = ?)
                  and (lower(c.number) like ? or lower(c.title) like ? or lower(cu.name) like ?)
                order by c.created_at desc, c.id desc""", Long.class, customerId, owner, owner, pattern, pattern,
                pattern);
    }

    private List<Long> ids(String user, String path) throws Exception {
        ApiClient.Response answer = api.send(user, "GET", path, null, null);
        assertThat(answer.status()).as(path).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.body().get("content").forEach(row -> ids.add(row.get("id").asLong()));
        Set<Long> unique = new HashSet<>(ids);
        assertThat(unique).as("no row twice").hasSameSizeAs(ids);
        return ids;
    }

    private long draft(String owner, String title, String type, String amount) throws Exception {
        ApiClient.Response drafted = api.send(owner, "POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":%d,"title":"%s","type":"%s",
                 "amount":%s,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                 "paymentTermDays":30}""".formatted(customerId, title, type, amount), null);
        assertThat(drafted.status()).isEqualTo(201);
        return drafted.body().get("id").asLong();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String randomHan(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
        }
        return text.toString();
    }
}
