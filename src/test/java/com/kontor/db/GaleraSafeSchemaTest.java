package com.kontor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.debtor.DebtorService;
import com.kontor.testsupport.IntegrationTest;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;

/**
 * PLAT-6: the schema the changelog leaves is the one a Galera cluster needs (every table with a primary key, every
 * sequence uncached and stepping by the node's increment), on the single MariaDB of the tests as on a cluster; and
 * the one retry mechanism wraps every writing {@code @Transactional} method outside its transaction.
 */
@IntegrationTest
class GaleraSafeSchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DebtorService debtorService;

    @Test
    void everyTableHasAPrimaryKey() {
        List<String> withoutKey = jdbc.queryForList("""
                select t.table_name from information_schema.tables t
                where t.table_schema = database() and t.table_type = 'BASE TABLE'
                  and not exists (select 1 from information_schema.table_constraints c
                                  where c.table_schema = t.table_schema and c.table_name = t.table_name
                                    and c.constraint_type = 'PRIMARY KEY')""", String.class);
        assertThat(withoutKey).isEmpty();
    }

    @Test
    void everySequenceIsUncachedAndStepsByTheNodesIncrement() {
        List<String> sequences = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = database()"
                        + " and table_type = 'SEQUENCE'",
                String.class);
        assertThat(sequences)
                .contains("booking_seq", "txid_seq", "debtor_number_seq")
                .hasSize(19);
        for (String sequence : sequences) {
            assertThat(jdbc.queryForObject("select concat(increment, '/', cache_size) from " + sequence, String.class))
                    .as(sequence + ": increment/cache")
                    .isEqualTo("0/0");
        }
    }

    @Test
    void entityIdsComeInBlocksAboveEverythingHandedOutBefore() {
        long block = jdbc.queryForObject("select nextval(booking_seq)", Long.class);
        long before = jdbc.queryForObject("select max(id) from booking", Long.class);
        long reserved = SequenceBlocks.reserveIds(jdbc, "booking_seq", 120);
        assertThat(reserved).isGreaterThan(before).isEqualTo((block + 2) * BlockIdGenerator.BLOCK);
        assertThat(jdbc.queryForObject("select nextval(booking_seq)", Long.class) * BlockIdGenerator.BLOCK)
                .isGreaterThanOrEqualTo(reserved + 120);
    }

    @Test
    void aSequenceWithTheDefaultCacheIsCreatedUncachedOnGalera() {
        assertThat(GaleraSafeMigrations.withoutCache("CREATE SEQUENCE booking_seq START WITH 1 INCREMENT BY 50"))
                .isEqualTo("CREATE SEQUENCE booking_seq NOCACHE START WITH 1 INCREMENT BY 50");
        assertThat(GaleraSafeMigrations.withoutCache("create sequence if not exists x_seq increment by 50;"))
                .isEqualTo("create sequence if not exists x_seq NOCACHE increment by 50;");
        for (String untouched : List.of(
                "CREATE SEQUENCE txid_seq START WITH 100000001 INCREMENT BY 0 NOCACHE ENGINE=InnoDB",
                "CREATE SEQUENCE a_seq START WITH 1 INCREMENT BY 1 NOCACHE ENGINE=InnoDB",
                "CREATE SEQUENCE b_seq CACHE 10",
                "CREATE TABLE booking (id BIGINT PRIMARY KEY)",
                "INSERT INTO t VALUES ('CREATE SEQUENCE s')")) {
            assertThat(GaleraSafeMigrations.withoutCache(untouched)).isEqualTo(untouched);
        }
    }

    @Test
    void aConcurrentStartIsRecognisedAndNothingElse() {
        assertThat(GaleraSafeMigrations.isStartRace(new IllegalStateException(
                        new SQLException("Table 'DATABASECHANGELOGLOCK' already exists", "42S01", 1050))))
                .isTrue();
        assertThat(GaleraSafeMigrations.isStartRace(
                        new IllegalStateException(new SQLException("Unknown column 'x'", "42S22", 1054))))
                .isFalse();
    }

    @Test
    void writingServicesAreRetriedOutsideTheirTransaction() {
        assertThat(debtorService).isInstanceOf(Advised.class);
        List<Advisor> advisors = List.of(((Advised) debtorService).getAdvisors());
        int retry = indexOf(advisors, TransactionRetryAdvisor.class);
        int transaction = indexOf(advisors, BeanFactoryTransactionAttributeSourceAdvisor.class);
        assertThat(retry).isNotNegative().isLessThan(transaction);
    }

    @Test
    void aCertificationFailureIsTriedAgainAndAReadOnlyMethodIsNot() {
        Work target = new Work();
        ProxyFactory factory = new ProxyFactory(target);
        factory.addAdvisor(new TransactionRetryAdvisor());
        Work work = (Work) factory.getProxy();

        assertThat(work.write(2)).isEqualTo(3);
        assertThat(target.tries).hasValue(3);

        target.tries.set(0);
        assertThatThrownBy(() -> work.write(RetryingTransactions.ATTEMPTS)).isInstanceOf(ConcurrentUpdate.class);
        assertThat(target.tries).hasValue(RetryingTransactions.ATTEMPTS);

        target.tries.set(0);
        assertThatThrownBy(() -> work.read(1)).isInstanceOf(CannotAcquireLockException.class);
        assertThat(target.tries).hasValue(1);
    }

    private static int indexOf(List<Advisor> advisors, Class<?> type) {
        for (int i = 0; i < advisors.size(); i++) {
            if (type.isInstance(advisors.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Fails its first {@code failures} tries as Galera does at commit when another node won certification. */
    static class Work {
        final AtomicInteger tries = new AtomicInteger();

        @Transactional
        public int write(int failures) {
            return fail(failures);
        }

        @Transactional(readOnly = true)
        public int read(int failures) {
            return fail(failures);
        }

        private int fail(int failures) {
            int attempt = tries.incrementAndGet();
            if (attempt <= failures) {
                throw new CannotAcquireLockException(
                        "commit",
                        new SQLTransactionRollbackException(
                                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
            }
            return attempt;
        }
    }
}
