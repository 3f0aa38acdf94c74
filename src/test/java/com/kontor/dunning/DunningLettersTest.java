package com.kontor.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.kontor.debtor.DebtorService;
import com.kontor.ledger.Ledger;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * DUN-7, DOC-1, ACC-3: a sent dunning step's letter reads back with its open items, fee, interest and total; live mode
 * mails it to the debtor with the letter attached (the embedded GreenMail of the demo start); test mode sends nothing
 * and keeps the email in the Outbox; a level for post issues the letter and sends no email.
 */
@IntegrationTest
class DunningLettersTest {

    static final LocalDate TODAY = DunningRunTest.TODAY;

    @Autowired
    DunningRuns runs;

    @Autowired
    Ledger ledger;

    @Autowired
    DebtorService debtors;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    GreenMail greenMail;

    TestMerchant merchant;
    String domain;

    @BeforeEach
    void aMerchantOfItsOwn() {
        merchant = TestMerchant.create(platform, jdbc, null);
        domain = "dun" + DunningFixtures.letters().substring(0, 6) + ".example";
    }

    /** A consumer's invoice of 1,000.00 due 73 days before TODAY, at level 1 and due for level 2 on TODAY. */
    private long dueForLevelTwo(Partition partition, String email) {
        DunningFixtures f = new DunningFixtures(partition, ledger, debtors, jdbc, transactions);
        long txid = f.invoice(f.consumer(email), 100_000, TODAY.minusDays(73));
        f.reached(txid, 1, TODAY);
        return txid;
    }

    private Map<String, Object> notice(long txid) {
        return jdbc.queryForMap(
                "select document_number, email_id, channel, fee, interest, balance from dunning_notice where txid = ?",
                txid);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void inLiveModeTheLetterReadsCorrectlyAndGoesOutByEmailWithThePdfAttached() throws Exception {
        String email = "lena@" + domain;
        long txid = dueForLevelTwo(merchant.live(), email);

        runs.run(merchant.live(), DunningFixtures.procedure(false, true), TODAY, "test");

        Map<String, Object> notice = notice(txid);
        // 1,000.00 at 1.27 + 5 = 6.27 % for 73 days: 12.54; the level's fee 5.00; no flat fee for a consumer
        assertThat(notice)
                .containsEntry("fee", 500L)
                .containsEntry("interest", 1254L)
                .containsEntry("balance", 101_754L);
        assertThat(notice.get("channel")).isEqualTo("BOTH");
        String number = (String) notice.get("document_number");
        assertThat(number).startsWith("MA-");
        byte[] pdf = jdbc.queryForObject(
                "select pdf from document where number = ? and partition_key = ?",
                byte[].class,
                number,
                merchant.live().key());
        String letter = text(pdf);
        assertThat(letter)
                .contains("Zahlungserinnerung ORDER-") // the subject with {reference} filled
                .contains("bitte zahlen Sie 1.000,00")
                .contains("Mahngebühr")
                .contains("5,00")
                .contains("Verzugszinsen 6,27 % p. a.")
                .contains("12,54")
                .contains("1.017,54")
                .doesNotContain("TEST");

        // the debtor also gets the invoice of the process (DOC-4): the dunning email is the one with the letter
        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .until(() -> dunningMail(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(mail.getSubject()).startsWith("Zahlungserinnerung ORDER-");
        byte[] attached = attachment(mail);
        assertThat(text(attached)).contains(number).contains("1.017,54");
        assertThat(jdbc.queryForObject(
                        "select status from email_message where id = ?", String.class, notice.get("email_id")))
                .isEqualTo("SENT");
    }

    @Test
    void inTestModeNothingLeavesTheEmailWaitsInTheOutbox() {
        long txid = dueForLevelTwo(merchant.test(), "lena@" + domain);

        runs.run(merchant.test(), DunningFixtures.procedure(false, false), TODAY, "test");

        Map<String, Object> notice = notice(txid);
        assertThat(notice.get("document_number")).isNotNull();
        assertThat(jdbc.queryForObject(
                        "select status from email_message where id = ?", String.class, notice.get("email_id")))
                .isEqualTo("OUTBOX");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> greenMail.getReceivedMessagesForDomain(domain).length == 0);
    }

    @Test
    void aLevelForPostIssuesTheLetterAndSendsNoEmail() {
        DunningFixtures f = new DunningFixtures(merchant.live(), ledger, debtors, jdbc, transactions);
        long txid = f.invoice(f.consumer("post@" + domain), 30_000, TODAY.minusDays(80));
        f.reached(txid, 2, TODAY); // level 3 goes by post

        runs.run(merchant.live(), DunningFixtures.procedure(false, false), TODAY, "test");

        Map<String, Object> notice = notice(txid);
        assertThat(notice.get("channel")).isEqualTo("POST");
        assertThat(notice.get("document_number")).isNotNull();
        assertThat(notice.get("email_id")).isNull();
    }

    private java.util.Optional<MimeMessage> dunningMail() throws Exception {
        for (MimeMessage message : greenMail.getReceivedMessagesForDomain(domain)) {
            if (message.getSubject().startsWith("Zahlungserinnerung")) {
                return java.util.Optional.of(message);
            }
        }
        return java.util.Optional.empty();
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment");
    }
}
