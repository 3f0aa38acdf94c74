package com.kontor.testsupport;

import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a given (stored) user, as if that user were logged in. */
public final class TestUsers {

    private final JdbcTemplate jdbc;

    public TestUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public KontorUser principal(String email) {
        return jdbc.queryForObject(
                "select id, merchant_id, display_name, locked, must_change_password" + " from app_user where email = ?",
                (rs, i) -> {
                    long id = rs.getLong("id");
                    Long merchantId = rs.getObject("merchant_id", Long.class);
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    jdbc.queryForList("select role from user_role where user_id = ?", String.class, id)
                            .forEach(r -> roles.add(Role.valueOf(r)));
                    return new KontorUser(
                            id,
                            merchantId,
                            email,
                            rs.getString("display_name"),
                            roles,
                            rs.getBoolean("locked"),
                            rs.getBoolean("must_change_password"),
                            null);
                },
                email);
    }

    public long merchantId(String merchantName) {
        return jdbc.queryForObject("select id from merchant where name = ?", Long.class, merchantName);
    }

    public <T> T as(String email, Supplier<T> work) {
        return as(principal(email), work);
    }

    public static <T> T as(KontorUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }
}
