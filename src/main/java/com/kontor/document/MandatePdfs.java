package com.kontor.document;

import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorPaymentData;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MandateDetails;
import com.kontor.debtor.MasterData;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A debtor's SEPA mandates (DEB-6): listed with the masked IBAN and each as a PDF rendered on demand from the stored
 * mandate (not numbered, not archived). Read by SUPPORT, FINANCE, ADMIN and AUDITOR of the merchant in the current
 * mode only; a mandate of another merchant or mode is not there. The full IBAN never reaches this class.
 */
@Service
@Transactional(readOnly = true)
public class MandatePdfs {

    /** The roles that see a debtor's mandates. */
    public static final Set<Role> READERS = EnumSet.of(Role.SUPPORT, Role.FINANCE, Role.ADMIN, Role.AUDITOR);

    private final DebtorPaymentData paymentData;
    private final DebtorService debtors;
    private final LetterheadService letterheads;
    private final MandateRenderer renderer;
    private final CurrentUser currentUser;
    private final CurrentTenancy currentTenancy;
    private final MerchantDirectory merchants;
    private final Clock clock;

    public MandatePdfs(
            DebtorPaymentData paymentData,
            DebtorService debtors,
            LetterheadService letterheads,
            MandateRenderer renderer,
            CurrentUser currentUser,
            CurrentTenancy currentTenancy,
            MerchantDirectory merchants,
            Clock clock) {
        this.paymentData = paymentData;
        this.debtors = debtors;
        this.letterheads = letterheads;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.currentTenancy = currentTenancy;
        this.merchants = merchants;
        this.clock = clock;
    }

    /** Whether a person logged in with a reading role works in a partition of their merchant. */
    public boolean mayRead() {
        Optional<KontorUser> user = currentUser.get();
        Optional<Partition> partition = currentTenancy.partition();
        return user.isPresent()
                && !user.get().isSystem()
                && user.get().roles().stream().anyMatch(READERS::contains)
                && partition.isPresent()
                && java.util.Objects.equals(
                        user.get().merchantId(), partition.get().merchantId());
    }

    /** The debtor's mandates, newest first, with the masked IBAN; empty for whoever may not read them. */
    public List<MandateDetails> mandatesOf(long debtorId) {
        return mayRead() ? paymentData.mandateDetails(debtorId) : List.of();
    }

    /** The mandate's PDF; empty for a mandate this person, merchant and mode do not see. */
    public Optional<DocumentPdf> pdf(long mandateId) {
        if (!mayRead()) {
            return Optional.empty();
        }
        return paymentData
                .mandate(mandateId)
                .flatMap(mandate -> debtors.details(mandate.debtorId()).map(debtor -> {
                    byte[] pdf = renderer.render(content(mandate, debtor));
                    return new DocumentPdf(mandate.mandate().mandateReference(), DocumentIssuer.sha256(pdf), pdf);
                }));
    }

    private MandateContent content(MandateDetails mandate, DebtorDetails debtor) {
        var letterhead = letterheads.current();
        MasterData m = debtor.masterData();
        String language = m.language();
        Locale locale = "de".equals(language) || "en".equals(language)
                ? Locale.of(language)
                : letterhead.defaultLanguage() == null ? Locale.GERMAN : letterhead.defaultLanguage();
        String address = Stream.of(
                        m.street(),
                        m.addressLine2(),
                        Stream.of(m.postcode(), m.city())
                                .filter(part -> part != null)
                                .collect(Collectors.joining(" ")),
                        m.country())
                .filter(DocumentRenderer::present)
                .collect(Collectors.joining(", "));
        String name =
                m.company() != null && m.lastName() != null ? m.company() + ", " + m.displayName() : m.displayName();
        LocalDate today = LocalDate.ofInstant(
                Instant.now(clock), merchants.requireCurrent().settings().timeZone());
        return new MandateContent(
                locale,
                currentTenancy.requirePartition().mode() == Mode.TEST,
                today,
                letterhead,
                mandate.mandate().creditorId(),
                mandate.mandate().mandateReference(),
                name,
                address,
                mandate.account().holder(),
                mandate.account().ibanMasked(),
                mandate.account().bic(),
                mandate.mandate().signedOn());
    }
}
