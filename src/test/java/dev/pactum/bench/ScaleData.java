package dev.pactum.bench;

import dev.pactum.PactumApplication;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CreditCodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fills the real schema (the app's Flyway-migrated embedded PostgreSQL) with many customers and contracts as a company
 * would have them after some years: Chinese customer names (上海华鑫科技有限公司), titles (2026年度数控机床采购合同),
 * numbers HT-year-000001 on, owners among the demo sales users, statuses by age, types, dates, amounts spread over
 * four orders of magnitude, and a risk assessment for each submitted contract (what the list shows). With COPY, not
 * one engine call per contract: a million contracts take a few minutes. The data folder is kept
 * ({@code -Dbench.data-dir}), so the benchmarks fill it once and reuse it; a second run only tops it up.
 * Run alone: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.ScaleData
 * -Dbench.contracts=1000000}.
 */
public final class ScaleData {

    static final String[] SALES_USERS = {"sales1", "sales2"};

    private static final String[] CITIES = {"上海", "北京", "深圳", "广州", "杭州", "南京", "苏州", "成都", "武汉", "西安",
        "天津", "重庆", "青岛", "宁波", "厦门", "合肥", "长沙", "郑州", "济南", "无锡", "佛山", "东莞", "大连", "沈阳",
        "昆明", "福州", "南昌", "常州", "温州", "珠海"};
    private static final String BRAND_CHARS = "华鑫盛泰恒通达信远创宏兴瑞丰安明德新金利嘉和源正宇天众诚博凯海辰启越卓同科汇"
            + "晨光耀永星顺邦隆鼎锦云峰景合荣昌旭润";
    private static final String[] INDUSTRIES = {"科技", "信息技术", "电子", "机械", "精密制造", "新材料", "生物医药", "医疗器械",
        "物流", "供应链管理", "建设工程", "建材", "化工", "能源", "新能源", "环保科技", "食品", "贸易", "商贸", "实业", "网络科技",
        "软件", "智能装备", "汽车零部件", "纺织", "包装", "文化传媒", "咨询", "工程技术", "电气"};
    private static final String[] COMPANY_FORMS = {"有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司",
        "有限责任公司"};
    private static final String[] GOODS = {"数控机床", "服务器", "办公家具", "工业机器人", "光伏组件", "医疗器械", "实验室仪器",
        "原材料钢材", "电力电缆", "化工原料", "包装材料", "汽车零部件", "空调机组", "网络设备", "安防监控设备", "LED显示屏",
        "叉车", "注塑机", "锂电池", "纸制品"};
    private static final String[] SERVICES = {"软件开发", "系统集成", "运维", "技术咨询", "物流运输", "保洁", "安保", "广告投放",
        "法律顾问", "财务审计", "人力外包", "云计算资源", "数据分析", "设备维保", "培训", "仓储"};
    private static final String[] PROJECTS = {"智慧园区", "数字化转型", "ERP升级", "产线改造", "新厂房建设", "门店装修", "年度品牌",
        "供应链优化", "信息安全等级保护", "客服中心"};

    private ScaleData() {
    }

    public static void main(String[] args) throws Exception {
        int contracts = Integer.getInteger("bench.contracts", 1_000_000);
        try (ConfigurableApplicationContext context = start(contracts)) {
            System.out.println(ensure(context.getBean(DataSource.class), contracts));
            System.out.println(Bench.uptime());
        }
    }

    /** The app on the kept data folder for this many contracts ({@code -Dbench.data-dir} to choose another). */
    static ConfigurableApplicationContext start(int contracts) {
        Path folder = Path.of(System.getProperty("bench.data-dir", "target/bench-db/contracts-" + contracts))
                .toAbsolutePath();
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        // The demo contracts' documents are sealed with a key kept beside the folder, so any run can read them.
        return app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.embedded-database.data-dir=" + folder,
                "--pactum.documents.key-file=" + folder + ".document-keys");
    }

    /** Tops the database up to {@code contracts} contracts over 5% as many customers (50,000 for a million). */
    static String ensure(DataSource dataSource, int contracts) throws SQLException, IOException {
        int customers = Integer.getInteger("bench.customers", Math.max(100, contracts / 20));
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long haveContracts = count(connection, "contract");
            long haveCustomers = count(connection, "customer");
            if (haveContracts >= contracts && haveCustomers >= customers) {
                return "Data: %,d contracts over %,d customers already there".formatted(haveContracts, haveCustomers);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // COPY of known-good rows: the foreign-key and customer-name triggers would only look up what the
                // generator writes itself (the customer name is written with each contract, as the trigger would).
                statement.execute("set local session_replication_role = replica");
                statement.execute("set local maintenance_work_mem = '512MB'");
                statement.execute("set local max_parallel_maintenance_workers = 2");
            }
            SplittableRandom random = new SplittableRandom(contracts);
            copyCustomers(connection, haveCustomers, customers, random);
            List<Customer> all = customers(connection);
            Map<String, String> indexes = dropIndexes(connection, "contract");
            long firstNew = nextId(connection, "contract");
            copyContracts(connection, contracts - haveContracts, all, random);
            recreate(connection, indexes);
            assessRisk(connection, firstNew);
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze customer");
                statement.execute("vacuum analyze contract");
                statement.execute("vacuum analyze risk_assessment");
            }
            return "Data: generated %,d contracts over %,d customers in %.1f s".formatted(
                    count(connection, "contract"), count(connection, "customer"),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private record Customer(long id, String name) {
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long nextId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void copyCustomers(Connection connection, long have, int wanted, SplittableRandom random)
            throws SQLException {
        if (have >= wanted) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy customer (name, credit_code, contact_name, contact_phone, credit_limit, created_at)"
                        + " from stdin");
        StringBuilder batch = new StringBuilder();
        for (long i = have; i < wanted; i++) {
            String name = CITIES[random.nextInt(CITIES.length)] + brand(random)
                    + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + COMPANY_FORMS[random.nextInt(COMPANY_FORMS.length)];
            // 17 characters: 91 (enterprise), a Shanghai district, "BN" and the row number; then the check character.
            String code = CreditCodes.withCheckCharacter("91310115BN" + "%07d".formatted(i));
            batch.append(name).append('\t').append(code).append('\t').append(person(random)).append('\t')
                    .append("1").append(30 + random.nextInt(60)).append(String.format("%08d", random.nextInt(100_000_000)))
                    .append('\t').append(random.nextInt(10) < 7 ? (1 + random.nextInt(500)) * 10_000 + ".00" : "\\N")
                    .append('\t').append(OffsetDateTime.of(2020, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8))
                            .plusMinutes(random.nextInt(3_000_000))).append('\n');
            if (batch.length() > 1 << 20) {
                write(copy, batch);
            }
        }
        write(copy, batch);
        copy.endCopy();
    }

    private static List<Customer> customers(Connection connection) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, name from customer order by id")) {
            while (rows.next()) {
                customers.add(new Customer(rows.getLong(1), rows.getString(2)));
            }
        }
        return customers;
    }

    /** The table's indexes that back no constraint, dropped for the load (one build after it is much faster). */
    private static Map<String, String> dropIndexes(Connection connection, String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                     where i.indrelid = '%s'::regclass
                       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)"""
                     .formatted(table))) {
            while (rows.next()) {
                indexes.put(rows.getString(1), rows.getString(2));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String index : indexes.keySet()) {
                statement.execute("drop index " + index);
            }
        }
        return indexes;
    }

    private static void recreate(Connection connection, Map<String, String> indexes) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                long started = System.nanoTime();
                statement.execute(index.getValue());
                System.out.printf("  index %s built in %.1f s%n", index.getKey(), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void copyContracts(Connection connection, long count, List<Customer> customers,
                                      SplittableRandom random) throws SQLException {
        if (count <= 0) {
            return;
        }
        Map<Integer, Integer> lastNumber = lastNumbers(connection);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                copy contract (number, title, type, template_key, customer_id, customer_name, amount, currency,
                               start_date, end_date, payment_term_days, status, owner, approval_round,
                               created_at, updated_at) from stdin""");
        // Created from 2021 to the end of November 2026, more in later years (the company grows).
        Instant first = Instant.parse("2021-01-01T01:00:00Z");
        long span = Instant.parse("2026-11-30T10:00:00Z").getEpochSecond() - first.getEpochSecond();
        StringBuilder batch = new StringBuilder();
        for (long i = 0; i < count; i++) {
            Instant created = first.plusSeconds((long) (span * Math.sqrt(random.nextDouble())));
            OffsetDateTime local = created.atOffset(ZoneOffset.ofHours(8));
            int year = local.getYear();
            int number = lastNumber.merge(year, 1, Integer::sum);
            Customer customer = customers.get(random.nextInt(customers.size()));
            ContractType type = type(random);
            String title = title(type, year, customer, random);
            // Log-uniform from 5,000 to 20,000,000: many small contracts, a few large ones.
            BigDecimal amount = BigDecimal.valueOf(Math.exp(Math.log(5_000) + random.nextDouble()
                    * (Math.log(20_000_000) - Math.log(5_000)))).setScale(-2, RoundingMode.HALF_UP).setScale(2);
            LocalDate start = local.toLocalDate().plusDays(random.nextInt(45));
            LocalDate end = start.plusYears(1 + random.nextInt(3)).minusDays(1);
            ContractStatus status = status(created, end, random);
            batch.append("HT-").append(year).append('-').append("%06d".formatted(number)).append('\t')
                    .append(title).append('\t').append(type).append('\t').append(template(type)).append('\t')
                    .append(customer.id()).append('\t').append(customer.name()).append('\t')
                    .append(amount.toPlainString()).append('\t').append(random.nextInt(20) == 0 ? "USD" : "CNY")
                    .append('\t').append(start).append('\t').append(end).append('\t')
                    .append(new int[] {30, 45, 60, 90}[random.nextInt(4)]).append('\t').append(status).append('\t')
                    .append(SALES_USERS[random.nextInt(SALES_USERS.length)]).append('\t')
                    .append(status == ContractStatus.DRAFT ? 0 : 1).append('\t').append(created).append('\t')
                    .append(created.plusSeconds(random.nextInt(30 * 86_400))).append('\n');
            if (batch.length() > 1 << 20) {
                write(copy, batch);
            }
        }
        write(copy, batch);
        copy.endCopy();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<Integer, Integer> year : lastNumber.entrySet()) {
                statement.execute("insert into contract_number_sequence (year, last_value) values (%d, %d)"
                        .formatted(year.getKey(), year.getValue())
                        + " on conflict (year) do update set last_value = excluded.last_value");
            }
        }
    }

    private static Map<Integer, Integer> lastNumbers(Connection connection) throws SQLException {
        Map<Integer, Integer> last = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select year, last_value from contract_number_sequence")) {
            while (rows.next()) {
                last.put(rows.getInt(1), rows.getInt(2));
            }
        }
        return last;
    }

    /** Every submitted contract has been assessed once: score and level, as the list shows them. */
    private static void assessRisk(Connection connection, long firstNewContract) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into risk_assessment (contract_id, round, score, level, findings, rule_set_version,
                                                 assessed_at)
                    select id, 1, score, case when score >= 60 then 'HIGH' when score >= 30 then 'MEDIUM' else 'LOW' end,
                           '[]'::jsonb, 'bench', created_at + interval '2 hours'
                    from (select id, created_at, (hashint8(id) & 2147483647) %% 100 as score from contract
                          where id >= %d and status <> 'DRAFT') assessed""".formatted(firstNewContract));
        }
    }

    private static ContractType type(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 40 ? ContractType.SALES : roll < 70 ? ContractType.PURCHASE : roll < 95 ? ContractType.SERVICE
                : ContractType.NDA;
    }

    private static String template(ContractType type) {
        return switch (type) {
            case SALES -> "sales-standard";
            case PURCHASE -> "purchase-standard";
            case SERVICE -> "service-standard";
            case NDA -> "nda-standard";
        };
    }

    private static String title(ContractType type, int year, Customer customer, SplittableRandom random) {
        String goods = GOODS[random.nextInt(GOODS.length)];
        String service = SERVICES[random.nextInt(SERVICES.length)];
        return switch (type) {
            case SALES -> switch (random.nextInt(3)) {
                case 0 -> year + "年度" + goods + "销售合同";
                case 1 -> goods + "销售合同（" + shortName(customer) + "）";
                default -> goods + "供货合同 第" + (1 + random.nextInt(12)) + "批";
            };
            case PURCHASE -> switch (random.nextInt(3)) {
                case 0 -> year + "年度" + goods + "采购合同";
                case 1 -> goods + "采购框架协议";
                default -> PROJECTS[random.nextInt(PROJECTS.length)] + "项目" + goods + "采购合同";
            };
            case SERVICE -> switch (random.nextInt(3)) {
                case 0 -> year + "年度" + service + "服务合同";
                case 1 -> PROJECTS[random.nextInt(PROJECTS.length)] + "项目" + service + "服务合同";
                default -> service + "服务协议（" + (1 + random.nextInt(4)) + "期）";
            };
            case NDA -> "保密协议（" + shortName(customer) + "）";
        };
    }

    /** 上海华鑫科技有限公司 → 华鑫科技: what people call a company. */
    private static String shortName(Customer customer) {
        String name = customer.name();
        for (String city : CITIES) {
            if (name.startsWith(city)) {
                name = name.substring(city.length());
                break;
            }
        }
        int form = name.indexOf("股份");
        form = form < 0 ? name.indexOf("集团") : form;
        form = form < 0 ? name.indexOf("有限") : form;
        return form < 0 ? name : name.substring(0, form);
    }

    /** Older contracts have run their course; the newest are still being drafted and approved. */
    private static ContractStatus status(Instant created, LocalDate end, SplittableRandom random) {
        long ageDays = (Instant.parse("2026-12-01T00:00:00Z").getEpochSecond() - created.getEpochSecond()) / 86_400;
        int roll = random.nextInt(100);
        if (ageDays < 30) {
            return roll < 35 ? ContractStatus.DRAFT : roll < 65 ? ContractStatus.IN_APPROVAL
                    : roll < 72 ? ContractStatus.REVISING : roll < 77 ? ContractStatus.REJECTED
                    : roll < 90 ? ContractStatus.SIGNING : ContractStatus.ACTIVE;
        }
        if (end.isBefore(LocalDate.of(2026, 12, 1))) {
            return roll < 60 ? ContractStatus.EXPIRED : roll < 85 ? ContractStatus.RENEWED
                    : roll < 93 ? ContractStatus.TERMINATED : roll < 97 ? ContractStatus.REJECTED
                    : ContractStatus.DRAFT;
        }
        return roll < 75 ? ContractStatus.ACTIVE : roll < 85 ? ContractStatus.EXPIRING
                : roll < 92 ? ContractStatus.SIGNED : roll < 96 ? ContractStatus.TERMINATED : ContractStatus.REJECTED;
    }

    private static String brand(SplittableRandom random) {
        return "" + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()))
                + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()));
    }

    private static String person(SplittableRandom random) {
        String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
        String given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英";
        return "" + surnames.charAt(random.nextInt(surnames.length())) + given.charAt(random.nextInt(given.length()))
                + (random.nextBoolean() ? "" : given.charAt(random.nextInt(given.length())));
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }
}
