package com.kontor.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.audit.Actor;
import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessDetails;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ProcessType;
import com.kontor.money.Money;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.TestMerchant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The operation module with the modules it declares (ledger, psp, debtor, blacklist, tenancy, ...) against MariaDB,
 * without the API or any view: a shop's card payment is pre-authorised, captured in part, shipped and refunded
 * through the test-mode simulator; a refund above the four-eyes threshold waits with its amount reserved; a
 * blacklisted email refuses the payment and leaves an ERROR process for support.
 */
@Tag("module")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class OperationModuleTest {

    @Autowired
    PaymentCreation creation;

    @Autowired
    CaptureService captures;

    @Autowired
    RefundService refunds;

    @Autowired
    Blacklist blacklist;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    private TestMerchant merchant;
    private final Actor shop = Actor.system("module test shop");

    @BeforeEach
    void aMerchantWithAFourEyesThresholdOf100Euro() {
        merchant = TestMerchant.create(platform, jdbc, Money.of(100_00, "EUR"));
    }

    private <T> T asShop(Supplier<T> work) {
        return TenancyScope.inPartition(merchant.test(), work);
    }

    private ProcessDetails card(ProcessType type, long amount, String email) {
        String customer = "OP-" + UUID.randomUUID().toString().substring(0, 8);
        MasterData debtor = new MasterData(
                null, null, "Olga", "Operation", null, null, null, null, "Köln", "DE", email, null, null, null, null);
        return asShop(() -> creation.create(
                merchant.portalId(),
                new NewPayment(
                        type,
                        customer,
                        debtor,
                        "ORD-" + customer,
                        Money.of(amount, "EUR"),
                        PaymentMethod.CARD,
                        null,
                        new CardData("tok_" + customer, "VISA", "4242", 12, 2030, "Olga Operation"),
                        null),
                shop));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    @Test
    void aCardPaymentIsPreauthorisedCapturedShippedAndRefundedWithinItsLimits() {
        ProcessDetails created = card(ProcessType.PREAUTHORIZATION, 5_000, null);
        assertThat(created.status()).isEqualTo(ProcessStatus.PREAUTHORIZED);
        long txid = created.txid();

        ProcessDetails captured = asShop(() -> captures.capture(txid, eur(3_000), shop));
        assertThat(captured.amounts().preauthorized()).isEqualTo(eur(2_000));
        assertThat(captured.amounts().paid()).isEqualTo(eur(3_000));
        assertThatThrownBy(() -> asShop(() -> captures.capture(txid, eur(2_001), shop)))
                .isInstanceOfSatisfying(
                        PaymentRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT));

        ProcessDetails shipped = asShop(() -> captures.ship(txid, shop));
        assertThat(shipped.status()).isEqualTo(ProcessStatus.OK);
        assertThat(shipped.amounts().paid()).isEqualTo(eur(5_000));

        RefundOutcome refunded = asShop(() -> refunds.refund(txid, eur(4_000), shop));
        assertThat(refunded)
                .isInstanceOfSatisfying(
                        RefundOutcome.Done.class,
                        done -> assertThat(done.process().amounts().refunded()).isEqualTo(eur(4_000)));
        assertThatThrownBy(() -> asShop(() -> refunds.refund(txid, eur(1_001), shop)))
                .isInstanceOfSatisfying(
                        PaymentRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT));

        List<String> log = jdbc.queryForList(
                "select concat(direction, ' ', operation) from provider_log where txid = ? order by id",
                String.class,
                txid);
        assertThat(log)
                .containsSubsequence(
                        "REQUEST preauthorise",
                        "ANSWER preauthorise",
                        "REQUEST capture",
                        "ANSWER capture",
                        "REQUEST refund",
                        "ANSWER refund");
    }

    @Test
    void aRefundAboveTheFourEyesThresholdWaitsWithItsAmountReservedAndBooksNothing() {
        long txid = card(ProcessType.AUTHORIZATION, 20_000, null).txid();

        RefundOutcome outcome = asShop(() -> refunds.refund(txid, eur(15_000), shop));

        assertThat(outcome).isInstanceOf(RefundOutcome.PendingApproval.class);
        long approval = ((RefundOutcome.PendingApproval) outcome).approvalId();
        assertThat(jdbc.queryForObject(
                        "select concat(status, ' ', amount, ' ', requester_name) from approval_request where id = ?",
                        String.class,
                        approval))
                .isEqualTo("PENDING 15000 module test shop");
        assertThat(jdbc.queryForObject(
                        "select concat(reserved, ' ', refunded) from payment_process where txid = ?",
                        String.class,
                        txid))
                .isEqualTo("15000 0");
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking where txid = ? and booking_type = 'REFUND'", Long.class, txid))
                .isZero();
        assertThatThrownBy(() -> asShop(() -> refunds.refund(txid, eur(5_001), shop)))
                .as("the pending refund's amount is reserved")
                .isInstanceOfSatisfying(
                        PaymentRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(PaymentRefused.Code.AMOUNT_EXCEEDS_LIMIT));
    }

    @Test
    void aBlacklistedEmailRefusesThePaymentAndLeavesAnErrorProcessForSupport() {
        String email = "blocked-" + UUID.randomUUID().toString().substring(0, 8) + "@module.example";
        TenancyScope.inPartition(
                merchant.test(),
                () -> SystemScope.run("module test", () -> blacklist.add(BlacklistKind.EMAIL, email, null)));

        assertThatThrownBy(() -> card(ProcessType.AUTHORIZATION, 1_000, email))
                .isInstanceOfSatisfying(PaymentRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(PaymentRefused.Code.BLACKLISTED);
                    assertThat(jdbc.queryForObject(
                                    "select concat(status, ' ', error_code) from payment_process where txid = ?",
                                    String.class,
                                    refused.txid()))
                            .isEqualTo("ERROR BLACKLISTED");
                    assertThat(jdbc.queryForObject(
                                    "select count(*) from booking where txid = ?", Long.class, refused.txid()))
                            .isZero();
                });
    }
}
