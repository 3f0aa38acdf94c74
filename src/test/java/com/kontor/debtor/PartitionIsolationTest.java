package com.kontor.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.audit.Actor;
import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.TenancyScope;
import com.kontor.tenancy.UserAdministration;
import com.kontor.tenancy.UserSummary;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-1 and ACC-3: in merchant A's live context nothing of A's test mode and nothing of merchant B is visible:
 * not through JPA queries, not by id, not through native SQL; and merchant-scoped data (users, portals) of B
 * stays invisible to A.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionIsolationTest {

    @Autowired
    DebtorService debtors;

    @Autowired
    MerchantDirectory merchantDirectory;

    @Autowired
    UserAdministration userAdministration;

    @Autowired
    JdbcTemplate jdbc;

    TestUsers users;
    Partition aLive;
    Partition aTest;
    Partition bLive;
    DebtorDetails aLiveDebtor;
    DebtorDetails aTestDebtor;
    DebtorDetails bLiveDebtor;

    @BeforeAll
    void createOneDebtorPerPartition() {
        users = new TestUsers(jdbc);
        long a = users.merchantId(DemoLogins.MERCHANT_A);
        long b = users.merchantId(DemoLogins.MERCHANT_B);
        aLive = new Partition(a, Mode.LIVE);
        aTest = new Partition(a, Mode.TEST);
        bLive = new Partition(b, Mode.LIVE);
        aLiveDebtor = create(aLive, "ISO-A-LIVE");
        aTestDebtor = create(aTest, "ISO-A-TEST");
        bLiveDebtor = create(bLive, "ISO-B-LIVE");
    }

    private DebtorDetails create(Partition partition, String customerId) {
        return TenancyScope.inPartition(
                partition, () -> debtors.create(customerId, MasterData.ofName("Iso", "Lation"), Actor.system("test")));
    }

    @Test
    void queriesInALiveSeeOnlyALiveRows() {
        List<String> seen = TenancyScope.inPartition(aLive, () -> debtors.page(0, 1000)).stream()
                .map(DebtorSummary::customerId)
                .toList();
        assertThat(seen).contains("ISO-A-LIVE").doesNotContain("ISO-A-TEST", "ISO-B-LIVE");
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "select customer_id from debtor where partition_key = ?", String.class, aLive.key()));
    }

    @Test
    void loadsByIdAndByNumberDoNotCrossPartitions() {
        TenancyScope.inPartition(aLive, () -> {
            assertThat(debtors.byId(aLiveDebtor.id())).isPresent();
            assertThat(debtors.byId(aTestDebtor.id())).isEmpty();
            assertThat(debtors.byId(bLiveDebtor.id())).isEmpty();
            assertThat(debtors.byDebtorNumber(aTestDebtor.debtorNumber())).isEmpty();
            assertThat(debtors.byDebtorNumber(bLiveDebtor.debtorNumber())).isEmpty();
        });
    }

    @Test
    void nativeQueriesCountOnlyTheirPartitionThoughHibernateDoesNotFilterThem() {
        long inALive = TenancyScope.inPartition(aLive, () -> debtors.count());
        long allRows = jdbc.queryForObject("select count(*) from debtor", Long.class);
        long aLiveRows =
                jdbc.queryForObject("select count(*) from debtor where partition_key = ?", Long.class, aLive.key());
        assertThat(inALive).isEqualTo(aLiveRows);
        assertThat(allRows).isGreaterThan(inALive); // the hole exists: only the partition predicate closes it
        assertThat(TenancyScope.inPartition(aLive, () -> debtors.page(0, 1000))).hasSize((int) inALive);
    }

    @Test
    void theSameCustomerNumberMayExistInEveryPartition() {
        assertThat(TenancyScope.inPartition(aTest, () -> debtors.byCustomerId("ISO-A-LIVE")))
                .isEmpty();
        DebtorDetails twin = create(aTest, "ISO-A-LIVE");
        assertThat(twin.debtorNumber()).isNotEqualTo(aLiveDebtor.debtorNumber());
        // the payment path's lookup is native SQL, which names the partition itself
        assertThat(TenancyScope.inPartition(aTest, () -> debtors.byCustomerId("ISO-A-LIVE"))
                        .orElseThrow()
                        .id())
                .isEqualTo(twin.id());
        assertThat(TenancyScope.inPartition(aLive, () -> debtors.byCustomerId("ISO-A-LIVE"))
                        .orElseThrow()
                        .id())
                .isEqualTo(aLiveDebtor.id());
        assertThat(TenancyScope.inPartition(bLive, () -> debtors.byCustomerId("ISO-A-LIVE")))
                .isEmpty();
    }

    @Test
    void withoutPartitionNothingIsVisibleAndNothingCanBeWritten() {
        assertThat(debtors.page(0, 1000)).isEmpty();
        assertThat(debtors.byId(aLiveDebtor.id())).isEmpty();
        // a support agent without a mode (no view, no explicit scope) has no partition to write into
        assertThatThrownBy(() -> users.as(
                        "support@mueller.example",
                        () -> debtors.create("ISO-NONE", MasterData.ofName("No", "Partition"), Actor.system("test"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(debtors.history(aLiveDebtor.id())).isEmpty();
    }

    @Test
    void merchantScopedDataOfAnotherMerchantIsInvisible() {
        MerchantSummary seenByA = users.as("support@mueller.example", () -> merchantDirectory.requireCurrent());
        assertThat(seenByA.name()).isEqualTo(DemoLogins.MERCHANT_A);
        assertThat(seenByA.portals())
                .extracting(PortalSummary::name)
                .containsExactlyInAnyOrder("Webshop", "Marktplatz");

        List<UserSummary> usersOfA = users.as("admin@mueller.example", () -> userAdministration.users());
        assertThat(usersOfA)
                .extracting(UserSummary::email)
                .allMatch(e -> e.endsWith("@mueller.example"))
                .contains("support@mueller.example");
    }

    @Test
    void anAdminCannotTouchAnotherMerchantsUserById() {
        long bSupport = users.principal("support@baker.example").userId();
        assertThatThrownBy(() -> users.as("admin@mueller.example", () -> userAdministration.setLocked(bSupport, true)))
                .isInstanceOf(OperationRefused.class)
                .hasMessageContaining("user.notFound");
        assertThatThrownBy(() -> users.as(
                        "admin@mueller.example",
                        () -> userAdministration.updateAccess(
                                bSupport, Set.of(com.kontor.tenancy.Role.ADMIN), BigDecimal.ZERO)))
                .isInstanceOf(OperationRefused.class);
        assertThat(users.principal("support@baker.example").roles()).containsExactly(com.kontor.tenancy.Role.SUPPORT);
    }
}
