package com.kontor.search;

import com.kontor.crypto.FieldCipher;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The search benchmark of SRCH-2 (issue 6, item 2): {@code --kontor.bench.search=<merchant id>} runs a fixed list of
 * searches (written down before any tuning) against that merchant's live mode, each as the view runs it: prepare,
 * the over-1,000 check, the first page of 50 rows newest first. Prints p50/p95 per search over 30 rounds after
 * 3 warm-up rounds, and the query plans (EXPLAIN), then stops Kontor. Meant for the 1,000,000-process fill.
 */
@Component
@ConditionalOnProperty(name = "kontor.bench.search")
class SearchBench implements ApplicationRunner {

    private final DebtorSearch search;
    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final ApplicationContext context;
    private final long merchantId;

    SearchBench(
            DebtorSearch search,
            JdbcTemplate jdbc,
            FieldCipher cipher,
            ApplicationContext context,
            @Value("${kontor.bench.search}") long merchantId) {
        this.search = search;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.context = context;
        this.merchantId = merchantId;
    }

    @Override
    public void run(ApplicationArguments args) {
        Partition partition = new Partition(merchantId, Mode.LIVE);
        String key = partition.key();
        Map<String, Object> sample = jdbc.queryForMap("""
                select p.txid, d.debtor_number, d.customer_id, d.email, p.reference, p.invoice_number,
                       p.provider_reference from payment_process p join debtor d on d.id = p.debtor_id
                where p.partition_key = ? and p.invoice_number is not null and d.email is not null
                order by p.txid desc limit 1""", key);
        String providerReference = jdbc.queryForObject(
                "select provider_reference from payment_process"
                        + " where partition_key = ? and payment_method = 'CARD' order by txid desc limit 1",
                String.class,
                key);
        String ibanCipher = jdbc.queryForObject(
                "select iban_cipher from debtor_bank_account where partition_key = ?" + " order by id desc limit 1",
                String.class,
                key);
        LocalDate today = LocalDate.now();
        LocalDate yearAgo = today.minusYears(1);
        Map<String, SearchRequest> searches = new LinkedHashMap<>();
        searches.put("last name 'Sch'", request(null, null, c(Category.LAST_NAME, "Sch")));
        searches.put("last name 'Sch', one year", request(yearAgo, today, c(Category.LAST_NAME, "Sch")));
        searches.put(
                "OPEN + INVOICE, one year (over the cap)",
                request(yearAgo, today, c(Category.STATUS, "OPEN"), c(Category.PAYMENT_METHOD, "INVOICE")));
        searches.put(
                "city 'Hamburg' + postcode '2'",
                request(null, null, c(Category.CITY, "Hamburg"), c(Category.POSTCODE, "2")));
        searches.put("first name 'Lea'", request(null, null, c(Category.FIRST_NAME, "Lea")));
        searches.put("company 'Weber'", request(null, null, c(Category.COMPANY, "Weber")));
        searches.put("city 'münst'", request(null, null, c(Category.CITY, "münst")));
        searches.put("postcode '107'", request(null, null, c(Category.POSTCODE, "107")));
        searches.put("payment method CARD", request(null, null, c(Category.PAYMENT_METHOD, "CARD")));
        searches.put("status ERROR", request(null, null, c(Category.STATUS, "ERROR")));
        searches.put("dunning level LEVEL_3", request(null, null, c(Category.DUNNING_LEVEL, "LEVEL_3")));
        searches.put(
                "exact TXID",
                request(null, null, c(Category.TXID, sample.get("txid").toString())));
        searches.put(
                "exact debtor number",
                request(
                        null,
                        null,
                        c(Category.DEBTOR_NUMBER, sample.get("debtor_number").toString())));
        searches.put(
                "exact customer number",
                request(
                        null,
                        null,
                        c(Category.CUSTOMER_NUMBER, sample.get("customer_id").toString())));
        searches.put(
                "exact email",
                request(null, null, c(Category.EMAIL, sample.get("email").toString())));
        searches.put("exact IBAN", request(null, null, c(Category.IBAN, cipher.decrypt(ibanCipher))));
        searches.put(
                "exact provider reference", request(null, null, c(Category.PROVIDER_REFERENCE, providerReference)));
        searches.put(
                "exact order number",
                request(
                        null,
                        null,
                        c(Category.REFERENCE, sample.get("reference").toString())));
        searches.put(
                "exact invoice number",
                request(
                        null,
                        null,
                        c(Category.INVOICE_NUMBER, sample.get("invoice_number").toString())));

        System.out.printf(
                "Search benchmark, merchant %d live: %,d processes, %,d debtors%n",
                merchantId,
                jdbc.queryForObject("select count(*) from payment_process where partition_key = ?", Long.class, key),
                jdbc.queryForObject("select count(*) from debtor where partition_key = ?", Long.class, key));
        System.out.printf("%-42s %9s %9s %7s%n", "search", "p50 ms", "p95 ms", "rows");
        SystemScope.run(
                "search benchmark",
                () -> TenancyScope.inPartition(partition, () -> {
                    searches.forEach(this::measure);
                    System.out.println();
                    searches.forEach((name, request) -> explain(name, search.prepare(request)));
                    return searches.size();
                }));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void measure(String name, SearchRequest request) {
        double[] millis = new double[30];
        int rows = 0;
        for (int round = -3; round < millis.length; round++) {
            long start = System.nanoTime();
            DebtorSearch.Prepared prepared = search.prepare(request);
            boolean over = search.exceedsLimit(prepared);
            rows = over
                    ? DebtorSearch.LIMIT + 1
                    : search.page(prepared, SortColumn.DATE, true, 0, 50).size();
            if (round >= 0) {
                millis[round] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "%-42s %9.1f %9.1f %7s%n",
                name,
                millis[millis.length / 2],
                millis[(int) Math.ceil(millis.length * 0.95) - 1],
                rows > DebtorSearch.LIMIT ? ">1000" : rows + "");
    }

    private void explain(String name, DebtorSearch.Prepared prepared) {
        System.out.println("EXPLAIN " + name + " (first page):");
        List<Map<String, Object>> plan = jdbc.queryForList(
                "explain " + search.pageSql(prepared, SortColumn.DATE, true, 0, 50),
                prepared.parameters().toArray());
        for (Map<String, Object> row : plan) {
            System.out.printf(
                    "  %-8s %-6s %-22s %-40s rows=%-8s %s%n",
                    row.get("select_type"),
                    row.get("table"),
                    row.get("type"),
                    row.get("key"),
                    row.get("rows"),
                    row.get("Extra"));
        }
    }

    private static SearchRequest.Criterion c(Category category, String value) {
        return new SearchRequest.Criterion(category, value);
    }

    private static SearchRequest request(LocalDate from, LocalDate to, SearchRequest.Criterion... criteria) {
        return new SearchRequest(null, new ArrayList<>(List.of(criteria)), from, to);
    }
}
