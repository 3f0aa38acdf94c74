package com.kontor.document;

import com.kontor.audit.Actor;
import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.DebtorService;
import com.kontor.debtor.MasterData;
import com.kontor.document.internal.DocumentArchive;
import com.kontor.ledger.BookingSource;
import com.kontor.ledger.Ledger;
import com.kontor.ledger.LedgerQueries;
import com.kontor.ledger.LockedProcess;
import com.kontor.ledger.ProcessDetails;
import com.kontor.money.Money;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.Letterhead;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.Role;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues invoices and credit notes (DOC-1, DOC-2): takes the next gapless number, renders the PDF once, stores it
 * with its SHA-256 in the archive, audits it and, for an invoice, records the number on the process. Everything in the
 * caller's transaction and the current partition (merchant and mode): a rollback leaves neither a document nor a gap.
 */
@Service
public class DocumentIssuer {

    /** Item lines and references printed on documents, in the document's language (German or English). */
    private static final String TEXTS = "vaadin-i18n.translations";

    private static final Locale GERMAN = Locale.GERMAN;

    /** Who issues an invoice on demand (DOC-2); the invoice after a payment is issued by Kontor itself. */
    private static final Set<Role> INVOICE_ISSUERS = EnumSet.of(Role.FINANCE, Role.ADMIN);

    /**
     * Who issues a credit note: whoever executes the credit entry it belongs to, which is FINANCE or ADMIN, or the
     * APPROVER who approves a credit entry that waited for four eyes.
     */
    private static final Set<Role> CREDIT_NOTE_ISSUERS = EnumSet.of(Role.FINANCE, Role.ADMIN, Role.APPROVER);

    /** Who issues a dunning letter by hand (the manual level dialog); the daily run issues them as the system. */
    private static final Set<Role> DUNNING_LETTER_ISSUERS = EnumSet.of(Role.FINANCE, Role.ADMIN);

    /** The prefix of dunning letters' numbers ("Mahnung"): MA-000001, counted per merchant and mode. */
    public static final String DUNNING_LETTER_PREFIX = "MA-";

    private final Ledger ledger;
    private final LedgerQueries ledgerQueries;
    private final DebtorService debtors;
    private final LetterheadService letterheads;
    private final DocumentRenderer renderer;
    private final DunningLetterRenderer dunningLetters;
    private final DocumentArchive archive;
    private final CurrentTenancy currentTenancy;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** Draws dunning letters' numbers in transactions of their own. */
    private final org.springframework.transaction.support.TransactionTemplate numbering;

    public DocumentIssuer(
            Ledger ledger,
            LedgerQueries ledgerQueries,
            DebtorService debtors,
            LetterheadService letterheads,
            DocumentRenderer renderer,
            DunningLetterRenderer dunningLetters,
            DocumentArchive archive,
            CurrentTenancy currentTenancy,
            CurrentUser currentUser,
            MerchantDirectory merchants,
            AuditLog auditLog,
            Clock clock,
            ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.numbering = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.numbering.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ledger = ledger;
        this.ledgerQueries = ledgerQueries;
        this.debtors = debtors;
        this.letterheads = letterheads;
        this.renderer = renderer;
        this.dunningLetters = dunningLetters;
        this.archive = archive;
        this.currentTenancy = currentTenancy;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    /** Whether the merchant booked the DOCUMENTS module (invoice issuing). */
    public boolean enabled() {
        return merchants.current().map(m -> m.hasModule(BookedModule.DOCUMENTS)).orElse(false);
    }

    /**
     * Issues the invoice of a process once (a second call answers the existing one): one line "Order &lt;reference&gt;"
     * at the process's amount with the letterhead's default VAT rate, due on the process's due date. Refused for a
     * process that carries an invoice number from elsewhere (issued before Kontor issued documents).
     */
    public IssuedDocument issueInvoice(long txid) {
        Partition partition = requireIssuing(INVOICE_ISSUERS);
        LockedProcess process = ledger.lock(txid, BookingSource.SYSTEM)
                .orElseThrow(() -> new IllegalArgumentException("No process " + txid + " in " + partition.key()));
        // the process's lock is held: a second issue of the same invoice waits here and then finds the first
        Optional<IssuedDocument> existing = archive.invoiceOf(partition, txid);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (process.invoiceNumber() != null) {
            throw new IllegalStateException(
                    "Process " + txid + " has the invoice number " + process.invoiceNumber() + " from elsewhere");
        }
        Letterhead letterhead = letterheads.current();
        Locale language = language(process, letterhead);
        List<DocumentLine> lines = List.of(new DocumentLine(
                text("document.line.order", language, process.reference()),
                1,
                letterhead.defaultVatPercent(),
                process.amount()));
        IssuedDocument issued =
                issue(partition, DocumentType.INVOICE, process, letterhead, language, lines, process.dueDate(), null);
        process.recordInvoiceNumber(issued.number());
        return issued;
    }

    /**
     * Issues a credit note for a credit entry of process {@code txid} with its items; empty when DOCUMENTS is not
     * booked. It names the invoice it corrects where the process has one.
     */
    public Optional<IssuedDocument> issueCreditNote(long txid, List<DocumentLine> lines) {
        if (!enabled()) {
            return Optional.empty();
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("A credit note needs at least one item line");
        }
        Partition partition = requireIssuing(CREDIT_NOTE_ISSUERS);
        LockedProcess process = ledger.lock(txid, BookingSource.SYSTEM)
                .orElseThrow(() -> new IllegalArgumentException("No process " + txid + " in " + partition.key()));
        Letterhead letterhead = letterheads.current();
        Locale language = language(process, letterhead);
        String relatesTo = process.invoiceNumber() != null
                ? text("document.relatesTo.invoice", language, process.invoiceNumber())
                : text("document.relatesTo.txid", language, Long.toString(txid));
        return Optional.of(
                issue(partition, DocumentType.CREDIT_NOTE, process, letterhead, language, lines, null, relatesTo));
    }

    private IssuedDocument issue(
            Partition partition,
            DocumentType type,
            LockedProcess process,
            Letterhead letterhead,
            Locale language,
            List<DocumentLine> lines,
            LocalDate dueDate,
            String relatesTo) {
        DebtorDetails debtor = process.debtorId() == null
                ? null
                : debtors.details(process.debtorId()).orElse(null);
        String prefix = type == DocumentType.INVOICE ? letterhead.invoicePrefix() : letterhead.creditNotePrefix();
        if (java.util.Objects.equals(letterhead.invoicePrefix(), letterhead.creditNotePrefix())) {
            // numbers run per type: with one prefix for both, invoice 1 and credit note 1 would have the same number
            throw new IllegalStateException("The letterhead's invoice and credit-note prefixes are the same (" + prefix
                    + "): the numbers of both would collide");
        }
        String number = number(prefix, archive.takeNumber(partition, type));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        LocalDate today =
                LocalDate.ofInstant(now, merchants.requireCurrent().settings().timeZone());
        DocumentContent content = new DocumentContent(
                type,
                number,
                today,
                language,
                partition.mode() == Mode.TEST,
                letterhead,
                recipient(debtor),
                process.txid(),
                process.reference(),
                process.currency(),
                lines,
                dueDate,
                relatesTo);
        long total = lines.stream().mapToLong(DocumentLine::grossMinor).reduce(0, Math::addExact);
        return archive(partition, type, number, now, process, debtor, language, renderer.render(content), total);
    }

    /**
     * Issues a dunning letter (DUN-7, DOC-1) for process {@code txid} in the caller's transaction: the next number of
     * its partition (MA-000001, ...), rendered once on the letterhead in the process's language ({@link #languageOf}),
     * archived with its SHA-256 and audited. For the system (the daily run) and FINANCE or ADMIN, where the merchant
     * booked DUNNING (DOCUMENTS is not needed). Test mode marks the letter TEST.
     */
    public IssuedDocument issueDunningLetter(long txid, DunningLetter letter) {
        if (letter == null) {
            throw new IllegalArgumentException("No dunning letter given");
        }
        Partition partition = requireIssuing(DUNNING_LETTER_ISSUERS, BookedModule.DUNNING);
        LockedProcess process = ledger.lock(txid, BookingSource.SYSTEM)
                .orElseThrow(() -> new IllegalArgumentException("No process " + txid + " in " + partition.key()));
        Letterhead letterhead = letterheads.current();
        Locale language = language(process, letterhead);
        DebtorDetails debtor = process.debtorId() == null
                ? null
                : debtors.details(process.debtorId()).orElse(null);
        // unique and rising, drawn in a short transaction of its own: the counter's lock is not held while the letter
        // renders, so dunning steps run side by side; a step rolled back leaves a gap, which DOC-2 allows for dunning
        // letters (it asks gapless numbers of invoices and credit notes, which keep the lock to their commit)
        String number = number(
                DUNNING_LETTER_PREFIX,
                numbering.execute(status -> archive.takeNumber(partition, DocumentType.DUNNING_LETTER)));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        LocalDate today =
                LocalDate.ofInstant(now, merchants.requireCurrent().settings().timeZone());
        byte[] pdf = dunningLetters.render(new DunningLetterContent(
                number,
                today,
                language,
                partition.mode() == Mode.TEST,
                letterhead,
                recipient(debtor),
                process.txid(),
                process.reference(),
                process.currency(),
                letter));
        return archive(
                partition, DocumentType.DUNNING_LETTER, number, now, process, debtor, language, pdf, letter.total());
    }

    /**
     * The language documents for process {@code txid} of the current partition are written in: the debtor's where it
     * is German or English, else the letterhead's default. The dunning run picks the level's texts by it.
     */
    public Locale languageOf(long txid) {
        ProcessDetails process =
                ledgerQueries.summary(txid).orElseThrow(() -> new IllegalArgumentException("No process " + txid));
        return language(process.debtorId(), letterheads.current());
    }

    private IssuedDocument archive(
            Partition partition,
            DocumentType type,
            String number,
            Instant now,
            LockedProcess process,
            DebtorDetails debtor,
            Locale language,
            byte[] pdf,
            long total) {
        String sha256 = sha256(pdf);
        Actor actor = actor();
        archive.insert(new DocumentArchive.NewDocument(
                partition,
                number,
                type,
                process.txid(),
                process.debtorId(),
                now,
                language.getLanguage(),
                sha256,
                pdf,
                actor.name()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("type", type.name());
        details.put("language", language.getLanguage());
        details.put("sha256", sha256);
        details.put("size", pdf.length);
        auditLog.record(new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                actor,
                AuditEventType.DOCUMENT_ISSUED,
                debtor == null ? null : debtor.debtorNumber(),
                process.txid(),
                null,
                details));
        events.publishEvent(new DocumentIssued(
                partition,
                number,
                type,
                process.txid(),
                process.debtorId(),
                language.getLanguage(),
                new Money(total, process.currency())));
        return new IssuedDocument(
                number, type, process.txid(), process.debtorId(), now, language.getLanguage(), sha256);
    }

    /** The prefix and the counter, six digits zero-padded: RE-000001. */
    static String number(String prefix, long counter) {
        return (prefix == null ? "" : prefix) + String.format(Locale.ROOT, "%06d", counter);
    }

    /**
     * The issuing transaction of the current partition, by the system (the invoice after a payment, the catch-up) or
     * by a person with one of {@code roles}; the merchant booked DOCUMENTS.
     */
    private Partition requireIssuing(Set<Role> roles) {
        return requireIssuing(roles, BookedModule.DOCUMENTS);
    }

    private Partition requireIssuing(Set<Role> roles, BookedModule module) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Documents are issued only inside the caller's transaction");
        }
        Optional<KontorUser> user = currentUser.get();
        if (user.isPresent()
                && !user.get().isSystem()
                && user.get().roles().stream().noneMatch(roles::contains)) {
            throw new AccessDeniedException("This document is issued by " + roles + " only");
        }
        if (!merchants.current().map(m -> m.hasModule(module)).orElse(false)) {
            throw new AccessDeniedException("The " + module + " module is not booked");
        }
        return currentTenancy.requirePartition();
    }

    private Actor actor() {
        return currentUser.get().map(KontorUser::asActor).orElseGet(() -> Actor.system("document issuing"));
    }

    /** The debtor's language where it is German or English, else the letterhead's. */
    private Locale language(LockedProcess process, Letterhead letterhead) {
        return language(process.debtorId(), letterhead);
    }

    private Locale language(Long debtorId, Letterhead letterhead) {
        String language = debtorId == null
                ? null
                : debtors.details(debtorId).map(d -> d.masterData().language()).orElse(null);
        if ("de".equals(language) || "en".equals(language)) {
            return Locale.of(language);
        }
        return letterhead.defaultLanguage() == null ? GERMAN : letterhead.defaultLanguage();
    }

    /** The address window: company, name, street, second line, postcode and city, country where not Germany. */
    static Recipient recipient(DebtorDetails debtor) {
        if (debtor == null) {
            return new Recipient(null, List.of());
        }
        MasterData m = debtor.masterData();
        List<String> lines = new ArrayList<>();
        if (m.company() != null) {
            lines.add(m.company());
        }
        if (m.lastName() != null) {
            lines.add(Stream.of(m.salutation(), m.title(), m.firstName(), m.lastName())
                    .filter(part -> part != null)
                    .collect(Collectors.joining(" ")));
        }
        if (m.street() != null) {
            lines.add(m.street());
        }
        if (m.addressLine2() != null) {
            lines.add(m.addressLine2());
        }
        String city =
                Stream.of(m.postcode(), m.city()).filter(part -> part != null).collect(Collectors.joining(" "));
        if (!city.isEmpty()) {
            lines.add(city);
        }
        if (m.country() != null && !m.country().equals("DE")) {
            lines.add(
                    Locale.of("", m.country()).getDisplayCountry(Locale.GERMAN).toUpperCase(Locale.GERMAN));
        }
        return new Recipient(Long.toString(debtor.debtorNumber()), lines);
    }

    private static String text(String key, Locale language, String argument) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                TEXTS, language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return java.text.MessageFormat.format(bundle.getString(key), argument);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
