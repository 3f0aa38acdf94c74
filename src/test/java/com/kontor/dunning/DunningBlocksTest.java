package com.kontor.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** DUN-4: blocks per debtor and per process, their end date and lifting, per merchant and mode, roles, audit. */
@IntegrationTest
class DunningBlocksTest {

    private static final String FINANCE = "finance@mueller.example";

    @Autowired
    DunningBlocks blocks;

    @Autowired
    JdbcTemplate jdbc;

    private <T> T as(String email, Mode mode, Supplier<T> work) {
        TestUsers users = new TestUsers(jdbc);
        Partition partition = new Partition(users.merchantId(DemoLogins.MERCHANT_A), mode);
        return users.as(email, () -> TenancyScope.inPartition(partition, work));
    }

    /** A process of merchant A with a debtor that has a second process, in that mode. */
    private long[] processWithSibling(Mode mode) {
        long merchant = new TestUsers(jdbc).merchantId(DemoLogins.MERCHANT_A);
        return jdbc.queryForObject(
                "select p.txid, p.debtor_id, (select min(q.txid) from payment_process q where q.debtor_id ="
                        + " p.debtor_id and q.txid <> p.txid) from payment_process p where p.partition_key = ? and"
                        + " exists (select 1 from payment_process q where q.debtor_id = p.debtor_id and q.txid <>"
                        + " p.txid) order by p.txid limit 1",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                merchant + ":" + mode.name());
    }

    @Test
    void aProcessBlockEndsAfterItsLastDayAndADebtorBlockCoversAllItsProcessesUntilLifted() {
        long[] ids = processWithSibling(Mode.TEST);
        long txid = ids[0];
        long debtorId = ids[1];
        long sibling = ids[2];
        LocalDate today = as(FINANCE, Mode.TEST, blocks::today);

        DunningBlock ofProcess = as(FINANCE, Mode.TEST, () -> blocks.blockProcess(txid, " Disputed delivery ", today));
        assertThat(ofProcess.reason()).isEqualTo("Disputed delivery");
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.blocked(txid, today))).isTrue();
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.blocked(txid, today.plusDays(1))))
                .isFalse(); // ends_on is the last blocked day
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.blocked(sibling, today))).isFalse();

        DunningBlock ofDebtor =
                as(FINANCE, Mode.TEST, () -> blocks.blockDebtor(debtorId, "Insolvency proceedings", null));
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.blocked(sibling, today.plusYears(5))))
                .isTrue();
        assertThat(as("auditor@mueller.example", Mode.TEST, () -> blocks.ofProcess(txid)))
                .extracting(DunningBlock::id)
                .containsSubsequence(ofDebtor.id(), ofProcess.id());
        assertThat(as("support@mueller.example", Mode.TEST, () -> blocks.ofDebtor(debtorId)))
                .extracting(DunningBlock::id)
                .contains(ofDebtor.id())
                .doesNotContain(ofProcess.id());

        DunningBlock lifted = as(FINANCE, Mode.TEST, () -> blocks.lift(ofDebtor.id()));
        assertThat(lifted.liftedBy()).isEqualTo(FINANCE);
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.blocked(sibling, today))).isFalse();
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.ofDebtor(debtorId)))
                .filteredOn(b -> b.id() == ofDebtor.id())
                .singleElement()
                .satisfies(b -> assertThat(b.liftedAt()).isNotNull());
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.lift(ofDebtor.id())))
                .isInstanceOfSatisfying(
                        OperationRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("dunningBlock.alreadyLifted"));

        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'DUNNING_BLOCK_ADDED' and txid = ?",
                        Long.class,
                        txid))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'DUNNING_BLOCK_LIFTED' and details like ?",
                        Long.class,
                        "%Insolvency proceedings%"))
                .isEqualTo(1);
        as(FINANCE, Mode.TEST, () -> blocks.lift(ofProcess.id())); // leaves the shared demo data unblocked
    }

    @Test
    void aReasonIsRequiredPlainAndShortAndTheEndNotInThePast() {
        long txid = processWithSibling(Mode.TEST)[0];
        LocalDate yesterday = as(FINANCE, Mode.TEST, blocks::today).minusDays(1);
        long before = jdbc.queryForObject("select count(*) from dunning_block where txid = ?", Long.class, txid);
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.blockProcess(txid, "  ", null)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.blockProcess(txid, "x".repeat(501), null)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.blockProcess(txid, "bad\u202Etext", null)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("text.controlCharacters"));
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.blockProcess(txid, "Holiday", yesterday)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("endsOn"));
        assertThat(jdbc.queryForObject("select count(*) from dunning_block where txid = ?", Long.class, txid))
                .as("nothing stored by the refused attempts")
                .isEqualTo(before);
    }

    @Test
    void aProcessOrDebtorOfAnotherModeOrMerchantIsRefusedAndTheirBlocksAreNotSeen() {
        long[] live = processWithSibling(Mode.LIVE);
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.blockProcess(live[0], "Wrong mode", null)))
                .isInstanceOf(OperationRefused.class);
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.blockDebtor(live[1], "Wrong mode", null)))
                .isInstanceOf(OperationRefused.class);
        long merchantB = new TestUsers(jdbc).merchantId(DemoLogins.MERCHANT_B);
        long debtorOfB = jdbc.queryForObject(
                "select min(id) from debtor where partition_key = ?", Long.class, merchantB + ":LIVE");
        assertThatThrownBy(() -> as(FINANCE, Mode.LIVE, () -> blocks.blockDebtor(debtorOfB, "Other merchant", null)))
                .isInstanceOf(OperationRefused.class);

        DunningBlock block = as(FINANCE, Mode.LIVE, () -> blocks.blockDebtor(live[1], "Live only", null));
        assertThat(as(FINANCE, Mode.TEST, () -> blocks.ofDebtor(live[1]))).isEmpty();
        assertThatThrownBy(() -> as(FINANCE, Mode.TEST, () -> blocks.lift(block.id())))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dunningBlock.notFound"));
        assertThat(jdbc.queryForObject(
                        "select partition_key from dunning_block where id = ?", String.class, block.id()))
                .endsWith(":LIVE");
        as(FINANCE, Mode.LIVE, () -> blocks.lift(block.id()));
    }

    @Test
    void financeAndAdminSetBlocksSupportAndAuditorOnlyReadThemAndTheApproverNeither() {
        long[] ids = processWithSibling(Mode.TEST);
        for (String reader : new String[] {"support@mueller.example", "auditor@mueller.example"}) {
            assertThatThrownBy(() -> as(reader, Mode.TEST, () -> blocks.blockDebtor(ids[1], "Not mine to set", null)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as("approver@mueller.example", Mode.TEST, () -> blocks.ofDebtor(ids[1])))
                .isInstanceOf(AccessDeniedException.class);
        DunningBlock block =
                as("admin@mueller.example", Mode.TEST, () -> blocks.blockProcess(ids[2], "Admin decided", null));
        assertThatThrownBy(() -> as("support@mueller.example", Mode.TEST, () -> blocks.lift(block.id())))
                .isInstanceOf(AccessDeniedException.class);
        as(FINANCE, Mode.TEST, () -> blocks.lift(block.id()));
    }
}
