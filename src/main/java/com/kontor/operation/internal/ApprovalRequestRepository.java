package com.kontor.operation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovalRequestRepository extends JpaRepository<ApprovalRequest, Long> {

    List<ApprovalRequest> findByStatusOrderByRequestedAtAsc(ApprovalRequest.Status status);
}
