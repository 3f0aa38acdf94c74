package com.kontor.debtor.internal;

import com.kontor.db.MultiRowInsert;
import com.kontor.debtor.MasterData;
import com.kontor.debtor.SearchWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps a debtor's search words ({@code debtor_word}) in step with its master data, in the caller's transaction. */
@Component
public class DebtorWords {

    private final JdbcTemplate jdbc;

    public DebtorWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(String partitionKey, long debtorId, MasterData data) {
        jdbc.update("delete from debtor_word where debtor_id = ?", debtorId);
        insert(partitionKey, List.of(Map.entry(debtorId, data)));
    }

    /** The words of many new debtors in one batch (the generator). */
    public void insert(String partitionKey, List<Map.Entry<Long, MasterData>> debtors) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Long, MasterData> debtor : debtors) {
            SearchWords.of(debtor.getValue())
                    .forEach((field, words) -> words.forEach(word ->
                            rows.add(new Object[] {partitionKey, String.valueOf(field), word, debtor.getKey()})));
        }
        MultiRowInsert.insert(
                jdbc, "insert into debtor_word (partition_key, field, word, debtor_id) values ", "(?, ?, ?, ?)", rows);
    }
}
