package com.kontor.tenancy.internal;

import com.kontor.tenancy.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByEmail(String email);

    boolean existsByEmail(String email);

    List<AppUser> findAllByOrderByEmailAsc();

    @Query("select count(u) from AppUser u join u.roles r where r = :role and u.locked = false")
    long countUnlockedWithRole(Role role);
}
