package com.kontor.dunning.internal;

import com.kontor.debtor.DebtorDetails;
import com.kontor.debtor.MasterData;
import com.kontor.document.DocumentIssuer;
import com.kontor.document.DunningLetter;
import com.kontor.document.IssuedDocument;
import com.kontor.document.LetterLine;
import com.kontor.dunning.DunningChannel;
import com.kontor.dunning.DunningLevelRule;
import com.kontor.dunning.DunningTexts;
import com.kontor.dunning.LevelTexts;
import com.kontor.ledger.LockedProcess;
import com.kontor.mail.EmailPurpose;
import com.kontor.mail.Mailer;
import com.kontor.mail.OutgoingEmail;
import com.kontor.tenancy.MerchantDirectory;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The letter and the email of a dunning step (DUN-1, DUN-7, DOC-1), in the step's transaction: the level's texts in
 * the debtor's language with their placeholders filled, the letter issued on the letterhead (numbered and archived)
 * with the open items, the charges of this step and the total, and, where the level's channel includes email and the
 * debtor has an address, the email with the letter attached queued (in test mode it stays in the Outbox). A level
 * for email whose debtor has no address goes by post.
 */
@Component
class DunningDispatch {

    private static final String TEXTS = "vaadin-i18n.translations";

    private final DocumentIssuer documents;
    private final Mailer mailer;
    private final MerchantDirectory merchants;

    DunningDispatch(DocumentIssuer documents, Mailer mailer, MerchantDirectory merchants) {
        this.documents = documents;
        this.mailer = mailer;
        this.merchants = merchants;
    }

    /** What went out: the letter's number, the email's id (null without one) and the channel it took. */
    record Dispatched(String documentNumber, Long emailId, DunningChannel channel) {}

    /**
     * @param receivable what was open before the step
     * @param earlier what earlier steps charged (part of {@code receivable})
     */
    Dispatched send(
            LockedProcess process,
            Optional<DebtorDetails> debtor,
            DunningLevelRule rule,
            long receivable,
            long earlier,
            DunningCharges.Charges charges,
            LocalDate today,
            LocalDate payBy) {
        Locale language = documents.languageOf(process.txid());
        LevelTexts texts = rule.textsIn(language.getLanguage());
        Map<String, String> values = values(process, debtor, rule, receivable, charges, today, payBy, language);
        List<LetterLine> lines = lines(process, receivable, earlier, charges, language);
        long total = receivable + charges.total();
        IssuedDocument letter = documents.issueDunningLetter(
                process.txid(),
                new DunningLetter(
                        rule.level(),
                        DunningTexts.fill(texts.emailSubject(), values),
                        DunningTexts.fill(texts.letter(), values),
                        lines,
                        total,
                        payBy));
        String email = debtor.map(d -> d.masterData().email()).orElse(null);
        boolean byEmail = rule.channel() != DunningChannel.POST && email != null;
        Long emailId = null;
        if (byEmail) {
            emailId = mailer.queue(new OutgoingEmail(
                    process.debtorId(),
                    process.txid(),
                    email,
                    DunningTexts.fill(texts.emailSubject(), values),
                    DunningTexts.fill(texts.emailBody(), values),
                    letter.number(),
                    EmailPurpose.DUNNING));
        }
        DunningChannel took = byEmail ? rule.channel() : DunningChannel.POST;
        return new Dispatched(letter.number(), emailId, took);
    }

    private Map<String, String> values(
            LockedProcess process,
            Optional<DebtorDetails> debtor,
            DunningLevelRule rule,
            long receivable,
            DunningCharges.Charges charges,
            LocalDate today,
            LocalDate payBy,
            Locale language) {
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
        Map<String, String> values = new HashMap<>();
        values.put("name", debtor.map(d -> name(d.masterData())).orElse(""));
        values.put("txid", Long.toString(process.txid()));
        values.put("reference", process.reference());
        values.put("invoiceNumber", process.invoiceNumber() == null ? "" : process.invoiceNumber());
        values.put(
                "transactionDate",
                date.format(LocalDate.ofInstant(
                        process.createdAt(),
                        merchants.requireCurrent().settings().timeZone())));
        values.put("dueDate", process.dueDate() == null ? "" : date.format(process.dueDate()));
        values.put("openAmount", process.money(receivable).format(language));
        values.put("fee", process.money(charges.fee() + charges.flatFee()).format(language));
        values.put("interest", process.money(charges.interest()).format(language));
        values.put("total", process.money(receivable + charges.total()).format(language));
        values.put("payBy", date.format(payBy));
        values.put("merchant", merchants.requireCurrent().name());
        values.put("level", Integer.toString(rule.level()));
        return values;
    }

    /** "Dr. Anna Schmidt", or the company where there is no name. */
    private static String name(MasterData m) {
        String person = Stream.of(m.title(), m.firstName(), m.lastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return person.isEmpty() && m.company() != null ? m.company() : person;
    }

    /**
     * The table of the letter: the original amount, what was paid, earlier charges, other bookings (credits), then
     * this step's fee, flat fee and interest. The lines add up to the total the letter asks for.
     */
    private static List<LetterLine> lines(
            LockedProcess process, long receivable, long earlier, DunningCharges.Charges charges, Locale language) {
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
        List<LetterLine> lines = new ArrayList<>();
        String due = process.dueDate() == null ? "" : date.format(process.dueDate());
        lines.add(new LetterLine(
                process.invoiceNumber() != null
                        ? text("dunning.letter.invoice", language, process.invoiceNumber(), due)
                        : text("dunning.letter.order", language, process.reference(), due),
                process.amount()));
        long paid = process.paid();
        if (paid != 0) {
            lines.add(new LetterLine(text("dunning.letter.paid", language), -paid));
        }
        if (earlier != 0) {
            lines.add(new LetterLine(text("dunning.letter.earlierCharges", language), earlier));
        }
        long other = receivable - (process.amount() - paid + earlier);
        if (other != 0) {
            lines.add(new LetterLine(text("dunning.letter.otherBookings", language), other));
        }
        if (charges.fee() > 0) {
            lines.add(new LetterLine(text("dunning.letter.fee", language), charges.fee()));
        }
        if (charges.flatFee() > 0) {
            lines.add(new LetterLine(text("dunning.letter.flatFee", language), charges.flatFee()));
        }
        if (charges.interest() > 0) {
            String rate = BigDecimal.valueOf(charges.interestRateBasisPoints(), 2)
                    .stripTrailingZeros()
                    .toPlainString();
            rate = language.getLanguage().equals("de") ? rate.replace('.', ',') : rate;
            lines.add(new LetterLine(text("dunning.letter.interest", language, rate), charges.interest()));
        }
        return lines;
    }

    private static String text(String key, Locale language, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                TEXTS, language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }
}
