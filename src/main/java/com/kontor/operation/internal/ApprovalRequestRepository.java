package com.kontor.operation.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRequestRepository extends JpaRepository<ApprovalRequest, Long> {

    List<ApprovalRequest> findByStatusOrderByRequestedAtAsc(ApprovalRequest.Status status);

    /** The requests decided last (any status but {@code excluded}), newest first. */
    List<ApprovalRequest> findTop10ByStatusNotOrderByDecidedAtDesc(ApprovalRequest.Status excluded);

    /** A process's requests, newest first: what waits and how the last ones ended. */
    List<ApprovalRequest> findTop20ByTxidOrderByRequestedAtDesc(long txid);

    /**
     * The process of a request, read without loading the request itself: a request loaded before its lock stays in
     * the persistence context as it was, so a second approver's lock would meet a stale copy (an optimistic-lock
     * failure instead of "already decided").
     */
    @Query("select a.txid from ApprovalRequest a where a.id = :id")
    Optional<Long> findTxidById(long id);

    /** Locks the request: two approvers clicking at once decide it once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ApprovalRequest a where a.id = :id")
    Optional<ApprovalRequest> lockById(long id);
}
