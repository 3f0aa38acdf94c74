package com.kontor.mail;

import com.kontor.mail.internal.DispatchStore;
import com.kontor.mail.internal.EmailStore;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the kept email copies (DUN-7) and the dispatch of documents (DOC-4). Every read is restricted to the current
 * partition (merchant and mode): another merchant's or mode's email is simply not there. People need a role that sees
 * the debtors' documents; Kontor's own jobs read inside an explicit partition.
 */
@Service
@Transactional(readOnly = true)
public class MailQueries {

    /** The roles that read email copies. */
    public static final Set<Role> READERS = EnumSet.of(Role.SUPPORT, Role.FINANCE, Role.AUDITOR, Role.ADMIN);

    private final EmailStore emails;
    private final DispatchStore dispatches;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;

    public MailQueries(
            EmailStore emails,
            DispatchStore dispatches,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants) {
        this.emails = emails;
        this.dispatches = dispatches;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
    }

    /** The merchant's time zone, for showing times. */
    public ZoneId timeZone() {
        return merchants.current().map(MerchantSummary::settings).orElseThrow().timeZone();
    }

    /** Whether the current person (or a job in an explicit partition) may read email copies. */
    public boolean mayRead() {
        Optional<KontorUser> user = currentUser.get();
        boolean person = user.isPresent() && !user.get().isSystem();
        if (person && user.get().roles().stream().noneMatch(READERS::contains)) {
            return false;
        }
        if (!person && !TenancyScope.isExplicit() && user.isEmpty()) {
            return false;
        }
        return currentTenancy.partition().isPresent();
    }

    /** One copy; empty when it is not one of the current partition. */
    public Optional<EmailCopy> copy(long id) {
        return emails.find(requireReader(), id);
    }

    /** A debtor's emails, newest first. */
    public List<EmailCopy> ofDebtor(long debtorId) {
        return emails.ofDebtor(requireReader(), debtorId);
    }

    /** A process's emails, newest first. */
    public List<EmailCopy> ofProcess(long txid) {
        return emails.ofProcess(requireReader(), txid);
    }

    /** A page of the partition's emails, newest first; all of them or those with {@code status} (null: all). */
    public List<EmailCopy> page(EmailStatus status, int offset, int limit) {
        return emails.page(requireReader(), status, offset, limit);
    }

    /** How document {@code number} went to its debtor; empty when it has no dispatch (yet, or not its type). */
    public Optional<DocumentDispatch> dispatch(String number) {
        if (number == null || number.length() > 40) {
            return Optional.empty();
        }
        return dispatches.find(requireReader(), number);
    }

    /** The mode the reads are in, e.g. for titling the view "Outbox" in test mode. */
    public Partition partition() {
        return requireReader();
    }

    private Partition requireReader() {
        if (!mayRead()) {
            throw new AccessDeniedException("Emails are not readable here (role, merchant or mode)");
        }
        return currentTenancy.requirePartition();
    }
}
