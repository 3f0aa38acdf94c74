package com.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.testsupport.IntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * AUD-3 against MariaDB: the sealing job chains every record of a merchant; whoever edits the database past Kontor
 * (the append-only triggers dropped for the purpose) is caught, and the check names the first broken record.
 */
@IntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcTemplate jdbc;

    /** A merchant of its own per test (the audit table has no foreign key), so chains do not mix. */
    private long merchant;

    @BeforeEach
    void ownMerchant() {
        merchant = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    private List<Long> write(int records) {
        for (int i = 0; i < records; i++) {
            auditLog.record(new AuditEntry(
                    merchant,
                    "TEST",
                    Actor.system("chain test"),
                    AuditEventType.COMMENT_ADDED,
                    1000L + i,
                    null,
                    "comment " + i,
                    Map.of("n", i)));
        }
        chain.sealNew();
        return jdbc.queryForList("select id from audit_event where merchant_id = ? order by id", Long.class, merchant);
    }

    @Test
    void anUntouchedLogIsIntactWithEveryRecordSealed() {
        write(5);
        AuditVerification result = chain.check(merchant);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.sealedUpTo()).isNotNull();

        write(2); // the chain goes on from its head
        assertThat(chain.check(merchant))
                .extracting(AuditVerification::intact, AuditVerification::checked)
                .containsExactly(true, 7L);
    }

    @Test
    void twoSealersAtOnceNeitherDeadlockNorSealARecordTwice() throws Exception {
        write(1); // the chain's head exists: where a shared lock before the exclusive one deadlocked two servers
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Runnable sealer = () -> {
            for (int round = 0; round < 15; round++) {
                try {
                    write(3);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        };
        Thread first = new Thread(sealer);
        Thread second = new Thread(sealer);
        first.start();
        second.start();
        first.join();
        second.join();
        assertThat(failures).isEmpty();
        assertThat(chain.check(merchant))
                .extracting(AuditVerification::intact, AuditVerification::checked)
                .containsExactly(true, 91L);
    }

    @Test
    void aRecordChangedInTheDatabaseIsNamedAsTheFirstBrokenOne() {
        List<Long> ids = write(5);
        withoutAppendOnlyTriggers(
                () -> jdbc.update("update audit_event set comment = 'nothing to see' where id = ?", ids.get(2)));
        AuditVerification result = chain.check(merchant);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.CHANGED);
        assertThat(result.brokenEventId()).isEqualTo(ids.get(2));
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void aDeletedRecordIsNamed() {
        List<Long> ids = write(4);
        withoutAppendOnlyTriggers(() -> jdbc.update("delete from audit_event where id = ?", ids.get(1)));
        AuditVerification result = chain.check(merchant);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.DELETED);
        assertThat(result.brokenEventId()).isEqualTo(ids.get(1));
    }

    @Test
    void aBackdatedRecordInsertedPastKontorIsNamed() {
        write(3);
        long forged = 9_000_000_000_000_000L + merchant; // far above what the sequence hands out
        jdbc.update(
                "insert into audit_event (id, merchant_id, mode, occurred_at, actor_type, actor_name, event_type)"
                        + " values (?, ?, 'TEST', ?, 'USER', 'someone', 'COMMENT_ADDED')",
                forged,
                merchant,
                LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        chain.sealNew(); // the job does not seal what claims to be older than the log's newest seals
        AuditVerification result = chain.check(merchant);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.NOT_SEALED);
        assertThat(result.brokenEventId()).isEqualTo(forged);
    }

    @Test
    void aSealRemovedFromTheEndIsNoticed() {
        List<Long> ids = write(3);
        jdbc.execute("drop trigger audit_seal_no_delete");
        try {
            jdbc.update("delete from audit_seal where event_id = ?", ids.getLast());
            jdbc.update("delete from audit_event where id = ?", ids.getLast()); // fails: the event trigger holds
        } catch (org.springframework.dao.DataAccessException expected) {
            // the record stays; its missing seal alone must show
        } finally {
            jdbc.execute("create trigger audit_seal_no_delete before delete on audit_seal for each row signal"
                    + " sqlstate '45000' set message_text = 'audit_seal is append-only: seals cannot be deleted'");
        }
        // the chain is shorter than its head says; if the sealing job has meanwhile sealed the record again, at a
        // new position, a position is missing instead: either way the check fails
        assertThat(chain.check(merchant).problem())
                .isIn(AuditVerification.Problem.TRUNCATED, AuditVerification.Problem.CHAIN_EDITED);
    }

    @Test
    @WithMockUser(roles = "SUPPORT")
    void onlyAdminsAndAuditorsVerify() {
        assertThatThrownBy(() -> chain.verify()).isInstanceOf(AccessDeniedException.class);
    }

    private void withoutAppendOnlyTriggers(Runnable tampering) {
        jdbc.execute("drop trigger audit_event_no_update");
        jdbc.execute("drop trigger audit_event_no_delete");
        try {
            tampering.run();
        } finally {
            jdbc.execute("create trigger audit_event_no_update before update on audit_event for each row signal"
                    + " sqlstate '45000' set message_text = 'audit_event is append-only: records cannot be changed'");
            jdbc.execute("create trigger audit_event_no_delete before delete on audit_event for each row signal"
                    + " sqlstate '45000' set message_text = 'audit_event is append-only: records cannot be deleted'");
        }
    }
}
