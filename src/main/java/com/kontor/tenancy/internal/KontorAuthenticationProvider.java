package com.kontor.tenancy.internal;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.db.DatabaseErrors;
import com.kontor.tenancy.Emails;
import com.kontor.tenancy.KontorUser;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login with email and password (ACC-4): throttled per name and per client address, every outcome audited, and
 * every failure the same to the caller (wrong name, wrong password, locked, throttled: one neutral message).
 */
@Component
public class KontorAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(KontorAuthenticationProvider.class);

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AuditLog auditLog;

    public KontorAuthenticationProvider(
            AppUserRepository users,
            PlatformScope platformScope,
            PlatformTransactionManager transactionManager,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            AuditLog auditLog) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.delegate = new DaoAuthenticationProvider(name -> readOnly.execute(status -> {
            platformScope.enterForThisTransaction(); // the login name is unique on the platform
            return users.findByEmail(Emails.normalise(name))
                    .map(KontorAuthenticationProvider::principalOf)
                    .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        }));
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
        this.auditLog = auditLog;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = Emails.normalise(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        Duration wait;
        try {
            wait = throttle.waitFor(name, address);
        } catch (DataAccessException e) {
            // the throttle's count lives in the database: without it, this is the login form's "cannot reach its
            // database", not an error page
            log.warn("Login not possible: the database cannot be reached ({})", e.toString());
            throw new InternalAuthenticationServiceException("The database cannot be reached", e);
        }
        if (!wait.isZero()) {
            recordFailure(name, address, "throttled");
            throw new BadCredentialsException("Login refused");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            KontorUser user = (KontorUser) result.getPrincipal();
            throttle.succeeded(name);
            auditLog.record(AuditEntry.of(user.merchantId(), user.asActor(), AuditEventType.LOGIN)
                    .withDetail("address", address));
            log.info("Login of user {} (merchant {})", user.userId(), user.merchantId());
            return result;
        } catch (AuthenticationException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                // Not the person's failure: not counted against the name, and the audit log cannot be written now.
                // The login view says that Kontor cannot reach its database.
                log.warn("Login not possible: the database cannot be reached ({})", String.valueOf(e.getCause()));
                throw e;
            }
            throttle.failed(name, address);
            recordFailure(name, address, e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void recordFailure(String name, String address, String reason) {
        // Recorded without a merchant: a typed name proves nothing about who tried.
        auditLog.record(AuditEntry.of(null, Actor.anonymous(name), AuditEventType.LOGIN_FAILED)
                .withDetail("address", address)
                .withDetail("reason", reason));
        log.info("Failed login ({}) from {}", reason, address);
    }

    private static UserDetails principalOf(AppUser u) {
        return new KontorUser(
                u.getId(),
                u.getMerchantId(),
                u.getEmail(),
                u.getDisplayName(),
                u.getRoles(),
                u.isLocked(),
                u.isMustChangePassword(),
                u.getPasswordHash());
    }
}
