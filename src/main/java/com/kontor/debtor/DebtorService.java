package com.kontor.debtor;

import com.kontor.debtor.internal.Debtor;
import com.kontor.debtor.internal.DebtorRepository;
import com.kontor.tenancy.CurrentTenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Debtors of the current merchant and mode. */
@Service
public class DebtorService {

    private final DebtorRepository debtors;
    private final CurrentTenancy currentTenancy;
    private final Clock clock;

    public DebtorService(DebtorRepository debtors, CurrentTenancy currentTenancy, Clock clock) {
        this.debtors = debtors;
        this.currentTenancy = currentTenancy;
        this.clock = clock;
    }

    /** One page of the partition's debtors, newest first. */
    @Transactional(readOnly = true)
    public List<DebtorSummary> page(int offset, int limit) {
        return debtors.findAllBy(PageRequest.of(offset / limit, limit, Sort.by(Sort.Direction.DESC, "id")))
                .stream().map(DebtorService::summarise).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DebtorSummary> byId(long id) {
        return debtors.findById(id).map(DebtorService::summarise);
    }

    @Transactional(readOnly = true)
    public Optional<DebtorSummary> byDebtorNumber(long debtorNumber) {
        return debtors.findByDebtorNumber(debtorNumber).map(DebtorService::summarise);
    }

    /** Counts through native SQL, which must name the partition itself (Hibernate does not filter it). */
    @Transactional(readOnly = true)
    public long count() {
        return debtors.countInPartition(currentTenancy.requirePartition().key());
    }

    @Transactional
    public DebtorSummary create(NewDebtor data) {
        currentTenancy.requirePartition();
        Debtor debtor = debtors.save(new Debtor(debtors.nextDebtorNumber(), data.customerId(), data.firstName(),
                data.lastName(), data.company(), data.city(), data.email(), Instant.now(clock)));
        return summarise(debtor);
    }

    private static DebtorSummary summarise(Debtor d) {
        return new DebtorSummary(d.getId(), d.getDebtorNumber(), d.getCustomerId(), d.getFirstName(),
                d.getLastName(), d.getCompany(), d.getCity(), d.getEmail(), d.getCreatedAt());
    }
}
