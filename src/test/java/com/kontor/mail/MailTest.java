package com.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.kontor.audit.Actor;
import com.kontor.debtor.MasterData;
import com.kontor.dunning.DunningFixtures;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.mail.internal.MailSending;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DUN-7, DOC-4 and ACC-3 against real MariaDB and the embedded GreenMail the demo start uses (same bean): live mode
 * sends with the PDF attached, test mode sends nothing and keeps an OUTBOX copy, an SMTP failure is retried by the
 * sweep, two sweeps at once send once, issued invoices go out by email or are marked for post, and a copy is read
 * only in its own merchant and mode.
 */
@IntegrationTest
class MailTest {

    @Autowired
    Mailer mailer;

    @Autowired
    MailQueries queries;

    @Autowired
    MailSending sending;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JavaMailSender sender;

    @Autowired
    PaymentCreation creation;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    private TestMerchant merchant;
    private TransactionTemplate transaction;
    /** Every test writes to addresses of a domain of its own, so it counts only its own messages. */
    private String domain;

    @BeforeEach
    void aMerchantOfItsOwn() {
        merchant = TestMerchant.create(platform, jdbc, null);
        transaction = new TransactionTemplate(transactionManager);
        domain = "mail" + letters() + ".example";
    }

    private static String letters() {
        return DunningFixtures.letters().substring(0, 6);
    }

    /** An invoice-method payment (Kontor issues its invoice by itself) of a new debtor with or without an address. */
    private long byInvoice(Partition partition, String email) {
        String customer = "MAIL-" + letters();
        MasterData debtor = new MasterData(
                null,
                null,
                "Ida",
                "Rechnung",
                null,
                "Weg",
                null,
                "80331",
                "München",
                "DE",
                email,
                null,
                null,
                "de",
                null);
        return TenancyScope.inPartition(
                        partition,
                        () -> creation.create(
                                merchant.portalId(),
                                new NewPayment(
                                        ProcessType.AUTHORIZATION,
                                        customer,
                                        debtor,
                                        "ORD-" + customer,
                                        Money.of(11_900, "EUR"),
                                        PaymentMethod.INVOICE,
                                        null,
                                        null,
                                        null),
                                Actor.system("mail test shop")))
                .txid();
    }

    private long queue(Partition partition, String to, String subject) {
        return TenancyScope.inPartition(
                partition,
                () -> transaction.execute(status -> mailer.queue(
                        new OutgoingEmail(null, null, to, subject, "Hallo,\nein Test.", null, EmailPurpose.DUNNING))));
    }

    private boolean sendAgain(long id) {
        transaction.executeWithoutResult(status -> mailer.sendAgain(id));
        return true;
    }

    private EmailCopy copy(Partition partition, long id) {
        return TenancyScope.inPartition(partition, () -> queries.copy(id)).orElseThrow();
    }

    private List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessagesForDomain(domain));
    }

    private Object dispatchOf(Partition partition, String number) {
        return jdbc.queryForObject(
                "select channel from document_dispatch where partition_key = ? and document_number = ?",
                String.class,
                partition.key(),
                number);
    }

    private String invoiceOf(long txid) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "select number from document where txid = ? and type = 'INVOICE'",
                                        String.class,
                                        txid)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        n -> n != null);
    }

    @Test
    void anInvoiceIssuedInLiveModeIsMailedWithItsPdfAndOneWithoutAddressIsMarkedForPost() throws Exception {
        String address = "ida@" + domain;
        long mailed = byInvoice(merchant.live(), address);
        long posted = byInvoice(merchant.live(), null);
        String number = invoiceOf(mailed);
        String postNumber = invoiceOf(posted);

        await().atMost(Duration.ofSeconds(20)).until(() -> received().size() == 1);
        MimeMessage message = received().getFirst();
        assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo(address);
        assertThat(message.getSubject()).isEqualTo("Rechnung " + number + " von " + letterheadName());
        List<BodyPart> parts = parts((MimeMultipart) message.getContent());
        String text = (String) parts.stream()
                .filter(p -> isMimeType(p, "text/plain"))
                .findFirst()
                .orElseThrow()
                .getContent();
        BodyPart attachment = parts.stream()
                .filter(p -> fileName(p).equals(number + ".pdf"))
                .findFirst()
                .orElseThrow();
        byte[] pdf = attachment.getInputStream().readAllBytes();
        assertThat(text).contains(number).contains("119,00");
        assertThat(pdf).as("the invoice attached as PDF").isNotNull();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(number);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "POST".equals(dispatchOf(merchant.live(), postNumber)));
        assertThat(dispatchOf(merchant.live(), number)).isEqualTo("EMAIL");
        List<EmailCopy> copies = TenancyScope.inPartition(merchant.live(), () -> queries.ofProcess(mailed));
        assertThat(copies).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(EmailStatus.SENT);
            assertThat(c.purpose()).isEqualTo(EmailPurpose.INVOICE);
            assertThat(c.attachmentDocumentNumber()).isEqualTo(number);
            assertThat(c.messageId()).isEqualTo(message.getMessageID());
        });
        assertThat(TenancyScope.inPartition(merchant.live(), () -> queries.dispatch(number)))
                .hasValueSatisfying(
                        d -> assertThat(d.emailId()).isEqualTo(copies.getFirst().id()));
        assertThat(TenancyScope.inPartition(merchant.live(), () -> queries.ofProcess(posted)))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'DOCUMENT_DISPATCHED'",
                        Integer.class,
                        merchant.id()))
                .isEqualTo(2);
    }

    /** The leaves of a multipart message (the helper nests the text in a part of its own). */
    private static List<BodyPart> parts(MimeMultipart multipart) throws Exception {
        List<BodyPart> leaves = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                leaves.addAll(parts(nested));
            } else {
                leaves.add(part);
            }
        }
        return leaves;
    }

    private static boolean isMimeType(BodyPart part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(BodyPart part) {
        try {
            return part.getFileName() == null ? "" : part.getFileName();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String letterheadName() {
        return jdbc.queryForObject("select name from merchant where id = ?", String.class, merchant.id());
    }

    @Test
    void testModeSendsNothingAndKeepsTheCopyAsOutboxReadableOnlyInItsPartition() throws Exception {
        long id = queue(merchant.test(), "tessa@" + domain, "Zahlungserinnerung");
        // the sweep runs every 300 ms in tests: give it a few rounds to (wrongly) send
        Thread.sleep(1_000);
        assertThat(received()).isEmpty();
        EmailCopy copy = copy(merchant.test(), id);
        assertThat(copy.status()).isEqualTo(EmailStatus.OUTBOX);
        assertThat(copy.attempts()).isZero();
        assertThat(copy.from()).isNotBlank();
        assertThat(copy.body()).isEqualTo("Hallo,\nein Test.");
        assertThat(TenancyScope.inPartition(merchant.test(), () -> queries.page(EmailStatus.OUTBOX, 0, 10)))
                .extracting(EmailCopy::id)
                .containsExactly(id);

        TestMerchant other = TestMerchant.create(platform, jdbc, null);
        assertThat(TenancyScope.inPartition(merchant.live(), () -> queries.copy(id)))
                .as("the live mode of the same merchant")
                .isEmpty();
        assertThat(TenancyScope.inPartition(other.test(), () -> queries.copy(id)))
                .as("another merchant")
                .isEmpty();
        assertThat(TenancyScope.inPartition(other.test(), () -> queries.page(null, 0, 10)))
                .isEmpty();
        TestUsers users = new TestUsers(jdbc);
        long mueller = users.merchantId(com.kontor.demo.DemoLogins.MERCHANT_A);
        assertThatThrownBy(() -> users.as(
                        "approver@mueller.example",
                        () -> TenancyScope.inPartition(
                                new Partition(mueller, com.kontor.tenancy.Mode.TEST), () -> queries.page(null, 0, 1))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anSmtpFailureIsRetriedByTheSweepAndTwoSweepsAtOnceSendEachEmailOnce() throws Exception {
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) sender;
        int port = smtp.getPort();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<Long> ids = new ArrayList<>();
        smtp.setPort(closed);
        try {
            for (int i = 0; i < 4; i++) {
                ids.add(queue(merchant.live(), "rita" + (char) ('a' + i) + "@" + domain, "Mahnung"));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> ids.stream()
                            .allMatch(id -> copy(merchant.live(), id).status() == EmailStatus.RETRYING));
            // one more failure after the ninth: the tenth attempt gives up
            jdbc.update("update email_message set attempts = 9 where id = ?", ids.getLast());
            assertThat(sending.send(ids.getLast())).isTrue();
        } finally {
            smtp.setPort(port);
        }
        EmailCopy failed = copy(merchant.live(), ids.getFirst());
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.nextAttemptAt()).isAfter(failed.createdAt().plusSeconds(50));
        assertThat(received()).isEmpty();

        // the others are due now: two sweeps at once (and the scheduled
        // one) send each exactly once
        long gaveUp = ids.removeLast();
        assertThat(copy(merchant.live(), gaveUp).status()).isEqualTo(EmailStatus.FAILED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'EMAIL_FAILED'",
                        Integer.class,
                        merchant.id()))
                .isEqualTo(1);
        jdbc.update(
                "update email_message set next_attempt_at = now(6) - interval 1 second"
                        + " where partition_key = ? and status = 'RETRYING'",
                merchant.live().key());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(threads.submit(() -> {
                    start.await();
                    return sending.sweepNow();
                }));
            }
            for (Future<Integer> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            threads.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        ids.stream().allMatch(id -> copy(merchant.live(), id).status() == EmailStatus.SENT));
        Thread.sleep(500);
        assertThat(received()).hasSize(3);
        assertThat(copy(merchant.live(), gaveUp).status()).isEqualTo(EmailStatus.FAILED);

        // "send again" is for FINANCE and ADMIN, and audited
        long adminId = jdbc.queryForObject("select id from app_user where merchant_id = ?", Long.class, merchant.id());
        KontorUser support = new KontorUser(
                adminId, merchant.id(), "support@module.example", "Support", Set.of(Role.SUPPORT), false, false, null);
        assertThatThrownBy(() ->
                        TestUsers.as(support, () -> TenancyScope.inPartition(merchant.live(), () -> sendAgain(gaveUp))))
                .isInstanceOf(AccessDeniedException.class);
        KontorUser admin = new TestUsers(jdbc)
                .principal(jdbc.queryForObject("select email from app_user where id = ?", String.class, adminId));
        TestUsers.as(admin, () -> TenancyScope.inPartition(merchant.live(), () -> sendAgain(gaveUp)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> copy(merchant.live(), gaveUp).status() == EmailStatus.SENT);
        assertThat(copy(merchant.live(), gaveUp).attempts()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where merchant_id = ? and event_type = 'EMAIL_RESENT'",
                        Integer.class,
                        merchant.id()))
                .isEqualTo(1);
        ids.add(gaveUp);
        Thread.sleep(300);
        assertThat(received()).hasSize(4);
        assertThat(received().stream()
                        .map(m -> {
                            try {
                                return m.getRecipients(Message.RecipientType.TO)[0]
                                        .toString()
                                        .toLowerCase(Locale.ROOT);
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .distinct())
                .hasSize(4);
        assertThat(copy(merchant.live(), ids.getFirst()).attempts()).isEqualTo(2);
    }
}
