package com.kontor.blacklist.internal;

import com.kontor.blacklist.BlacklistKind;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Partition-filtered by Hibernate: a merchant's entries of one mode only. */
public interface BlacklistEntryRepository extends JpaRepository<BlacklistEntry, Long> {

    Optional<BlacklistEntry> findByKindAndFingerprint(BlacklistKind kind, String fingerprint);

    List<BlacklistEntry> findAllByOrderByCreatedAtDesc();
}
