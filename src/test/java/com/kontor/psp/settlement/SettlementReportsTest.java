package com.kontor.psp.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.psp.SettlementProvider;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The PAYONE layout of {@link SettlementReports}: columns by name in any order, amounts with a comma, strict checks. */
class SettlementReportsTest {

    @Test
    void aPayoneReportIsReadByColumnNameWithDecimalCommas() {
        String csv = "\uFEFFcurrency;documentreference;txid;reference;event;bookingdate;amount;fee\n"
                + "EUR;AZ-one;sim-alpha;ORD-alpha;paid;20261201;19,99;0,35\n"
                + "EUR;AZ-one;sim-beta;ORD-beta;refund;20261201;5.00;\n"
                + "EUR;AZ-one;;;fee;20261201;2,50;\n";

        SettlementReports.ParsedReport report = SettlementReports.parse(csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(report.provider()).isEqualTo(SettlementProvider.PAYONE);
        assertThat(report.lines())
                .extracting(
                        SettlementLine::lineNumber,
                        SettlementLine::kind,
                        SettlementLine::pspReference,
                        SettlementLine::gross,
                        SettlementLine::net,
                        SettlementLine::fee)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, LineKind.PAYMENT, "sim-alpha", 1_999L, 1_964L, 35L),
                        org.assertj.core.groups.Tuple.tuple(3, LineKind.REFUND, "sim-beta", 500L, -500L, 0L),
                        org.assertj.core.groups.Tuple.tuple(4, LineKind.FEE, null, null, -250L, 250L));
        assertThat(report.lines().getFirst().settledOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(report.lines().getFirst().batchNumber()).isEqualTo("AZ-one");
    }

    @Test
    void aPayoneReportWithABadDateOrTooManyDecimalsIsRefusedAtItsLine() {
        String header = "txid;reference;event;bookingdate;documentreference;amount;currency\n";
        assertThatThrownBy(() -> SettlementReports.parse(
                        (header + "sim-a;ORD;paid;2026-12-01;AZ;1,00;EUR\n").getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ReportRefusal.class, r -> {
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.reasonKey()).isEqualTo("reconciliation.refused.date");
                });
        assertThatThrownBy(() -> SettlementReports.parse(
                        (header + "sim-a;ORD;paid;20261201;AZ;1,00;EUR\nsim-b;ORD;paid;20261201;AZ;1,005;EUR\n")
                                .getBytes(StandardCharsets.UTF_8),
                        null))
                .isInstanceOfSatisfying(ReportRefusal.class, r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.reasonKey()).isEqualTo("reconciliation.refused.amount");
                });
        assertThatThrownBy(() -> SettlementReports.parse(
                        (header + "sim-a;ORD;paid;20261201;AZ;1,00;EUR\n").getBytes(StandardCharsets.UTF_8),
                        SettlementProvider.ADYEN))
                .isInstanceOfSatisfying(
                        ReportRefusal.class, r -> assertThat(r.reasonKey()).isEqualTo("reconciliation.refused.format"));
    }
}
