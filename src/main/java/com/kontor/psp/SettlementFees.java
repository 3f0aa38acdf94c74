package com.kontor.psp;

import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers' costs that imported settlement reports recorded (PSP-4), for the accounting export's fee account:
 * each line's commission, markup, scheme fees and interchange, and the fee lines of their own, settled from {@code
 * from} to {@code to} (inclusive), oldest first, streamed row by row.
 */
@Service
public class SettlementFees {

    private static final Set<Role> READERS = Set.of(Role.FINANCE, Role.ADMIN, Role.AUDITOR);

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;

    SettlementFees(JdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public void forEach(Partition partition, LocalDate from, LocalDate to, Consumer<SettlementFee> each) {
        KontorUser user = currentUser.require();
        boolean allowed = user.isSystem()
                || (user.merchantId() != null
                        && user.merchantId() == partition.merchantId()
                        && READERS.stream().anyMatch(user::hasRole));
        if (!allowed) {
            throw new AccessDeniedException("Settlement fees: FINANCE, ADMIN or AUDITOR of the merchant");
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            """
                            select provider, settled_on, coalesce(modification_ref, psp_reference, batch_number) as ref,
                                txid, net_currency, fee
                            from settlement_line
                            where partition_key = ? and settled_on between ? and ? and fee <> 0
                            order by settled_on, id""", java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
                    statement.setString(1, partition.key());
                    statement.setDate(2, Date.valueOf(from));
                    statement.setDate(3, Date.valueOf(to));
                    statement.setFetchSize(1000);
                    return statement;
                },
                rs -> {
                    each.accept(new SettlementFee(
                            rs.getString("provider"),
                            rs.getDate("settled_on").toLocalDate(),
                            rs.getString("ref"),
                            rs.getObject("txid", Long.class),
                            rs.getString("net_currency"),
                            rs.getLong("fee")));
                });
    }
}
