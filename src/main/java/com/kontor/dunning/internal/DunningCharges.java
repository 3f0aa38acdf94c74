package com.kontor.dunning.internal;

import com.kontor.dunning.DunningLevelRule;
import com.kontor.dunning.DunningProcedure;
import com.kontor.dunning.InterestRules;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a dunning step charges (DUN-7): the level's fee; for a business, once, the flat fee of § 288 (5) BGB with the
 * first formal dunning notice (level 2 or later: level 1 is the friendly reminder); default interest on the principal
 * (what is open without the charges of earlier steps) from the day the receivable became overdue until the step,
 * less the interest already charged. Interest is simple interest, days/365, rounded half up to the minor unit.
 */
public final class DunningCharges {

    private DunningCharges() {}

    public record Charges(long fee, long flatFee, long interest, int interestRateBasisPoints) {
        public long total() {
            return fee + flatFee + interest;
        }
    }

    /**
     * @param balance what is open now, earlier charges included
     * @param charged what earlier executed steps charged
     * @param overdueSince the due date, or the day of the chargeback; null where unknown (no interest)
     */
    public static Charges of(
            DunningProcedure procedure,
            int level,
            boolean business,
            long balance,
            DunningNotices.Charged charged,
            LocalDate overdueSince,
            LocalDate today) {
        if (level < 1 || level > procedure.levels().size()) {
            return new Charges(0, 0, 0, 0);
        }
        DunningLevelRule rule = procedure.levels().get(level - 1);
        InterestRules rules = procedure.interest();
        long flatFee = business && rules.businessFlatFee() && level >= 2 && charged.flatFees() == 0
                ? rules.businessFlatFeeAmount()
                : 0;
        int rate = interestRate(rules, business);
        long interest = 0;
        if (rate > 0 && overdueSince != null && overdueSince.isBefore(today)) {
            long principal = Math.max(0, balance - charged.total());
            long days = ChronoUnit.DAYS.between(overdueSince, today);
            long accrued = divideHalfUp(
                    BigInteger.valueOf(principal)
                            .multiply(BigInteger.valueOf(rate))
                            .multiply(BigInteger.valueOf(days)),
                    BigInteger.valueOf(10_000L * 365));
            interest = Math.max(0, accrued - charged.interest());
        }
        return new Charges(rule.fee(), flatFee, interest, rate);
    }

    /** The yearly rate in basis points for this debtor: base rate plus the surcharge, 0 where switched off. */
    public static int interestRate(InterestRules rules, boolean business) {
        boolean on = business ? rules.businessInterest() : rules.consumerInterest();
        if (!on) {
            return 0;
        }
        int rate = rules.baseRateBasisPoints()
                + (business ? rules.businessSurchargeBasisPoints() : rules.consumerSurchargeBasisPoints());
        return Math.max(0, rate);
    }

    private static long divideHalfUp(BigInteger value, BigInteger divisor) {
        BigInteger[] qr = value.divideAndRemainder(divisor);
        return qr[0].longValueExact() + (qr[1].shiftLeft(1).compareTo(divisor) >= 0 ? 1 : 0);
    }
}
