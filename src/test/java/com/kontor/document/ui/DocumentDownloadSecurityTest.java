package com.kontor.document.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.Actor;
import com.kontor.debtor.MasterData;
import com.kontor.document.DocumentIssuer;
import com.kontor.document.DocumentPdf;
import com.kontor.document.IssuedDocument;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.operation.NewPayment;
import com.kontor.operation.PaymentCreation;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOC-3's download check, made when the link is followed: the logged-in person's merchant and the view's mode decide
 * which archive is read, a role that reads documents and the DOCUMENTS module are required; anyone else gets nothing.
 */
@IntegrationTest
class DocumentDownloadSecurityTest {

    @Autowired
    DocumentLinks links;

    @Autowired
    DocumentIssuer issuer;

    @Autowired
    PaymentCreation creation;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyTheMerchantsPeopleInTheDocumentsModeAndWithTheModuleGetThePdf() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String customer = "DLS-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedDocument invoice = TenancyScope.inPartition(merchant.test(), () -> {
            long txid = creation.create(
                            merchant.portalId(),
                            new NewPayment(
                                    ProcessType.AUTHORIZATION,
                                    customer,
                                    MasterData.ofName("Sina", "Sicher"),
                                    "ORD-" + customer,
                                    Money.of(1_000, "EUR"),
                                    PaymentMethod.WALLET,
                                    null,
                                    null,
                                    null),
                            Actor.system("download test shop"))
                    .txid();
            return new TransactionTemplate(transactionManager).execute(status -> issuer.issueInvoice(txid));
        });
        String number = invoice.number();
        TestUsers users = new TestUsers(jdbc);
        String admin =
                jdbc.queryForObject("select email from app_user where merchant_id = ?", String.class, merchant.id());

        Optional<DocumentPdf> own = users.as(admin, () -> links.read(number, Mode.TEST));
        assertThat(own).hasValueSatisfying(pdf -> assertThat(pdf.sha256()).isEqualTo(invoice.sha256()));
        assertThat(users.as(admin, () -> links.read(number, Mode.LIVE)))
                .as("the other mode of the same merchant has no such document")
                .isEmpty();
        assertThat(users.as("finance@mueller.example", () -> links.read(number, Mode.TEST)))
                .as("another merchant's person reads that merchant's archive, never this one")
                .map(DocumentPdf::sha256)
                .isNotEqualTo(Optional.of(invoice.sha256()));
        assertThat(links.read(number, Mode.TEST)).as("nobody logged in").isEmpty();

        SystemScope.run("download test", () -> {
            platform.bookModules(merchant.id(), EnumSet.of(BookedModule.RISK));
            return null;
        });
        assertThat(users.as(admin, () -> links.read(number, Mode.TEST)))
                .as("without the DOCUMENTS module")
                .isEmpty();
    }
}
