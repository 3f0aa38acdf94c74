package com.kontor.debtor;

import com.kontor.crypto.FieldCipher;
import com.kontor.crypto.Fingerprints;
import com.kontor.db.MultiRowInsert;
import com.kontor.db.SequenceBlocks;
import com.kontor.debtor.internal.DebtorWords;
import com.kontor.tenancy.Partition;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes generated debtors with their payment data in batches (PLAT-5: the demo data and the 1,000,000-process
 * fill), with the same encryption, fingerprints and masks as {@link DebtorPaymentData}. Only Kontor's own generator
 * calls this; generated debtors get no per-field history (one audit record says what was generated).
 */
@Component
public class BulkDebtors {

    /** A debtor to generate; bank account and card are optional. */
    public record NewDebtor(
            String customerId, MasterData data, Instant createdAt, BankAccountData bankAccount, CardData card) {}

    /** What was written: ids for the processes that follow. */
    public record Written(long id, long debtorNumber, Long bankAccountId, Long mandateId, Long cardId) {}

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final Fingerprints fingerprints;
    private final DebtorWords words;

    public BulkDebtors(JdbcTemplate jdbc, FieldCipher cipher, Fingerprints fingerprints, DebtorWords words) {
        this.words = words;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.fingerprints = fingerprints;
    }

    @Transactional
    public List<Written> insert(Partition partition, List<NewDebtor> debtors) {
        return insert(partition, debtors, null);
    }

    /** As {@link #insert(Partition, List)}, the mandates naming the merchant's SEPA creditor identifier (DEB-6). */
    @Transactional
    public List<Written> insert(Partition partition, List<NewDebtor> debtors, String creditorId) {
        int n = debtors.size();
        long firstId = SequenceBlocks.reserveIds(jdbc, "debtor_seq", n);
        long firstNumber = SequenceBlocks.reserve(jdbc, "debtor_number_seq", n);
        long accounts = debtors.stream().filter(d -> d.bankAccount() != null).count();
        long cards = debtors.stream().filter(d -> d.card() != null).count();
        long nextAccount =
                accounts == 0 ? 0 : SequenceBlocks.reserveIds(jdbc, "debtor_bank_account_seq", (int) accounts);
        long nextMandate = accounts == 0 ? 0 : SequenceBlocks.reserveIds(jdbc, "sepa_mandate_seq", (int) accounts);
        long nextCard = cards == 0 ? 0 : SequenceBlocks.reserveIds(jdbc, "debtor_card_seq", (int) cards);
        List<Object[]> debtorRows = new ArrayList<>(n);
        List<Object[]> accountRows = new ArrayList<>();
        List<Object[]> mandateRows = new ArrayList<>();
        List<Object[]> cardRows = new ArrayList<>();
        List<Written> written = new ArrayList<>(n);
        String key = partition.key();
        for (int i = 0; i < n; i++) {
            NewDebtor d = debtors.get(i);
            MasterData m = d.data();
            long id = firstId + i;
            long number = firstNumber + i;
            Timestamp created = Timestamp.from(d.createdAt());
            debtorRows.add(new Object[] {
                id,
                key,
                number,
                d.customerId(),
                m.salutation(),
                m.title(),
                m.firstName(),
                m.lastName(),
                m.company(),
                m.street(),
                m.addressLine2(),
                m.postcode(),
                m.city(),
                m.country(),
                m.email(),
                m.phone(),
                m.birthday() == null ? null : Date.valueOf(m.birthday()),
                m.language(),
                m.vatId(),
                created,
                created
            });
            Long accountId = null;
            Long mandateId = null;
            Long cardId = null;
            if (d.bankAccount() != null) {
                Iban iban = Iban.parse(d.bankAccount().iban());
                accountId = nextAccount++;
                mandateId = nextMandate++;
                accountRows.add(new Object[] {
                    accountId,
                    key,
                    id,
                    d.bankAccount().holder(),
                    cipher.encrypt(iban.value()),
                    fingerprints.of(PaymentDataValidation.IBAN_FINGERPRINT, iban.value()),
                    iban.masked(),
                    d.bankAccount().bic(),
                    iban.value().substring(0, 2),
                    created
                });
                mandateRows.add(new Object[] {
                    mandateId,
                    key,
                    id,
                    accountId,
                    "KM" + number + "-" + accountId,
                    creditorId,
                    Date.valueOf(LocalDate.ofInstant(d.createdAt(), java.time.ZoneOffset.UTC)),
                    created
                });
            }
            if (d.card() != null) {
                CardData c = d.card();
                cardId = nextCard++;
                cardRows.add(new Object[] {
                    cardId,
                    key,
                    id,
                    c.holder(),
                    c.brand(),
                    c.last4(),
                    c.expiryMonth(),
                    c.expiryYear(),
                    cipher.encrypt(c.token()),
                    fingerprints.of(PaymentDataValidation.CARD_TOKEN_FINGERPRINT, c.token()),
                    created
                });
            }
            written.add(new Written(id, number, accountId, mandateId, cardId));
        }
        MultiRowInsert.insert(
                jdbc, """
                insert into debtor (id, partition_key, debtor_number, customer_id, salutation, title, first_name,
                    last_name, company, street, address_line2, postcode, city, country, email, phone, birthday,
                    language, vat_id, created_at, updated_at, version)
                values """, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", debtorRows);
        words.insert(
                key,
                java.util.stream.IntStream.range(0, n)
                        .mapToObj(i ->
                                java.util.Map.entry(firstId + i, debtors.get(i).data()))
                        .toList());
        MultiRowInsert.insert(jdbc, """
                insert into debtor_bank_account (id, partition_key, debtor_id, holder, iban_cipher, iban_fingerprint,
                    iban_masked, bic, country, created_at, version) values """, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", accountRows);
        MultiRowInsert.insert(jdbc, """
                insert into sepa_mandate (id, partition_key, debtor_id, bank_account_id, mandate_reference, creditor_id,
                    signed_on, created_at) values """, "(?, ?, ?, ?, ?, ?, ?, ?)", mandateRows);
        MultiRowInsert.insert(jdbc, """
                insert into debtor_card (id, partition_key, debtor_id, holder, brand, last4, expiry_month, expiry_year,
                    token_cipher, token_fingerprint, created_at, version) values """, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", cardRows);
        return written;
    }
}
