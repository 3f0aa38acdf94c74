package com.kontor.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.kontor.audit.Actor;
import com.kontor.audit.ActorType;
import com.kontor.demo.DemoLogins;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestUsers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** DEB-1, DEB-5: master data kept clean, every change kept as history and audited, stale changes refused. */
@IntegrationTest
class DebtorServiceTest {

    static final Actor AGENT = Actor.user(4711, "agent@mueller.example");

    @Autowired
    DebtorService debtors;

    @Autowired
    JdbcTemplate jdbc;

    Partition aTest;
    String customerId;

    @BeforeEach
    void inMerchantATestMode() {
        aTest = new Partition(new TestUsers(jdbc).merchantId(DemoLogins.MERCHANT_A), Mode.TEST);
        customerId = "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private <T> T inPartition(Supplier<T> work) {
        return TenancyScope.inPartition(aTest, work);
    }

    private static MasterData anna(String city) {
        return new MasterData(
                "Frau",
                "Dr.",
                " Anna ",
                "Müller-Lüdenscheid",
                null,
                "Hauptstraße 1",
                null,
                "10115",
                city,
                "de",
                "  Anna.Mueller@Example.COM ",
                "+49 30 1234567",
                LocalDate.of(1980, 5, 17),
                "DE",
                null);
    }

    @Test
    void aNewDebtorGetsANumberCleanMasterDataAndAHistory() {
        DebtorDetails created = inPartition(() -> debtors.create(customerId, anna("Berlin"), AGENT));
        assertThat(created.debtorNumber()).isPositive();
        assertThat(created.masterData().firstName()).isEqualTo("Anna");
        assertThat(created.masterData().email()).isEqualTo("anna.mueller@example.com");
        assertThat(created.masterData().country()).isEqualTo("DE");
        assertThat(created.masterData().language()).isEqualTo("de");
        assertThat(inPartition(() -> debtors.history(created.id())))
                .extracting(MasterDataChange::field)
                .containsSubsequence("firstName", "lastName", "email", "birthday");
        assertThat(inPartition(() -> debtors.history(created.id())))
                .filteredOn(change -> change.field().equals("email"))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.oldValue()).isNull();
                    assertThat(change.newValue()).isEqualTo("anna.mueller@example.com");
                    assertThat(change.actorName()).isEqualTo("agent@mueller.example");
                    assertThat(change.at()).isCloseTo(created.createdAt(), within(1, ChronoUnit.MILLIS));
                });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'DEBTOR_CREATED'"
                                + " and debtor_number = ? and mode = 'TEST'",
                        Long.class,
                        created.debtorNumber()))
                .isEqualTo(1);
    }

    @Test
    void aChangeKeepsWhoChangedWhichFieldFromWhatToWhat() {
        DebtorDetails created = inPartition(() -> debtors.create(customerId, anna("Berlin"), AGENT));
        Actor shop = new Actor(ActorType.API_KEY, "key-7", "Webshop (test key)");
        DebtorDetails changed =
                inPartition(() -> debtors.update(created.id(), created.version(), anna("Potsdam"), shop));
        assertThat(changed.masterData().city()).isEqualTo("Potsdam");
        assertThat(changed.version()).isGreaterThan(created.version());
        MasterDataChange last = inPartition(() -> debtors.history(created.id())).getLast();
        assertThat(last.field()).isEqualTo("city");
        assertThat(last.oldValue()).isEqualTo("Berlin");
        assertThat(last.newValue()).isEqualTo("Potsdam");
        assertThat(last.actorType()).isEqualTo(ActorType.API_KEY);
        assertThat(last.actorName()).isEqualTo("Webshop (test key)");
        assertThat(jdbc.queryForObject(
                        "select details from audit_event where event_type = 'DEBTOR_CHANGED'"
                                + " and debtor_number = ?",
                        String.class,
                        created.debtorNumber()))
                .contains("\"city\":{\"old\":\"Berlin\",\"new\":\"Potsdam\"}");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAndOverwritesNothing() {
        DebtorDetails created = inPartition(() -> debtors.create(customerId, anna("Berlin"), AGENT));
        inPartition(() -> debtors.update(created.id(), created.version(), anna("Hamburg"), AGENT));
        assertThatThrownBy(
                        () -> inPartition(() -> debtors.update(created.id(), created.version(), anna("Köln"), AGENT)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("debtor.changedMeanwhile"));
        assertThat(inPartition(() -> debtors.details(created.id()))
                        .orElseThrow()
                        .masterData()
                        .city())
                .isEqualTo("Hamburg");
    }

    @Test
    void invalidMasterDataIsRefusedFieldByFieldAndNothingIsSaved() {
        MasterData bad = new MasterData(
                null,
                null,
                "Anna",
                null,
                null,
                "Line\nbreak",
                null,
                null,
                "Berlin",
                "Germany",
                "not-an-email",
                "call me",
                LocalDate.now().plusDays(1),
                "deu",
                null);
        assertThatThrownBy(() -> inPartition(() -> debtors.create(customerId, bad, AGENT)))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(e.getConstraintViolations().stream()
                                        .map(ConstraintViolation::getPropertyPath)
                                        .map(Object::toString)
                                        .map(p -> p.substring(p.lastIndexOf('.') + 1))
                                        .distinct())
                                .containsExactlyInAnyOrder(
                                        "lastNameOrCompany",
                                        "street",
                                        "country",
                                        "email",
                                        "phone",
                                        "birthday",
                                        "language"));
        assertThat(inPartition(() -> debtors.byCustomerId(customerId))).isEmpty();
    }

    @Test
    void customerNumbersAreCaseSensitiveAndUniquePerPartition() {
        inPartition(() -> debtors.create(customerId.toLowerCase(), anna("Berlin"), AGENT));
        inPartition(() -> debtors.create(customerId.toUpperCase(), anna("Berlin"), AGENT));
        assertThatThrownBy(() -> inPartition(() -> debtors.create(customerId.toLowerCase(), anna("Bonn"), AGENT)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.messageKey()).isEqualTo("debtor.customerIdTaken"));
        assertThatThrownBy(() -> inPartition(() -> debtors.create("with space", anna("Bonn"), AGENT)))
                .isInstanceOfSatisfying(
                        OperationRefused.class, e -> assertThat(e.field()).isEqualTo("customerId"));
    }

    @Test
    void onlySupportAndAdminEditMasterDataAmongPeople() {
        TestUsers users = new TestUsers(jdbc);
        assertThatThrownBy(() -> users.as(
                        "finance@mueller.example",
                        () -> inPartition(() -> debtors.create(customerId, anna("Berlin"), AGENT))))
                .isInstanceOf(AccessDeniedException.class);
        DebtorDetails created = users.as(
                "support@mueller.example", () -> inPartition(() -> debtors.create(customerId, anna("Berlin"), AGENT)));
        assertThatThrownBy(() -> users.as(
                        "auditor@mueller.example",
                        () -> inPartition(() -> debtors.update(created.id(), created.version(), anna("Bonn"), AGENT))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(inPartition(() -> debtors.details(created.id()))
                        .orElseThrow()
                        .masterData()
                        .city())
                .isEqualTo("Berlin");
    }

    @Test
    void withoutAPersonOnlyTrustedCodeWithAnExplicitPartitionMayEdit() {
        assertThatThrownBy(() -> debtors.create(customerId, anna("Berlin"), AGENT))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void historyCannotBeRewrittenEvenWithSql() {
        DebtorDetails created = inPartition(() -> debtors.create(customerId, anna("Berlin"), AGENT));
        assertThatThrownBy(
                        () -> jdbc.update("update debtor_change set new_value = 'x' where debtor_id = ?", created.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from debtor_change where debtor_id = ?", created.id()))
                .hasMessageContaining("append-only");
    }
}
