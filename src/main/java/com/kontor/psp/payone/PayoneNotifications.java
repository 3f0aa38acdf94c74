package com.kontor.psp.payone;

import com.kontor.money.Currencies;
import com.kontor.psp.NotificationInbox;
import com.kontor.psp.NotificationInbox.Outcome;
import com.kontor.psp.internal.AccountKeys;
import com.kontor.psp.internal.EventOutcome;
import com.kontor.psp.internal.NotificationFormat;
import com.kontor.psp.internal.NotificationKeys;
import com.kontor.psp.internal.NotificationStore;
import com.kontor.psp.internal.ProviderEvent;
import com.kontor.psp.internal.ProviderEvents;
import com.kontor.tenancy.Partition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * PAYONE-style transaction status notifications (PSP-3, API.md): a form POST authenticated by the MD5 of the portal's
 * key, stored before it is answered {@code TSOK}, booked later by the notification job. Only the fields Kontor needs
 * are kept, never the key or bank and card data.
 */
@Component
public class PayoneNotifications implements NotificationFormat {

    static final String FORMAT = "PAYONE";

    /** PAYONE fields kept in the stored payload; anything else (key, bank or card data) is dropped. */
    static final Set<String> FIELDS = Set.of(
            "txaction",
            "portalid",
            "aid",
            "mode",
            "txid",
            "reference",
            "sequencenumber",
            "price",
            "balance",
            "receivable",
            "currency",
            "clearingtype",
            "txtime",
            "userid",
            "customerid",
            "failedcause",
            "reminderlevel",
            "param");

    private final NotificationKeys keys;
    private final NotificationStore store;
    private final ProviderEvents events;
    private final PayoneRules rules;
    private final Clock clock;

    PayoneNotifications(
            NotificationKeys keys, NotificationStore store, ProviderEvents events, PayoneRules rules, Clock clock) {
        this.keys = keys;
        this.store = store;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public String name() {
        return FORMAT;
    }

    /**
     * A form POST; REFUSED (403) for an unknown portal id or a wrong key. One notification is one insert, atomic by
     * itself: no transaction around it, so a burst of notifications costs one round trip each.
     */
    public Outcome receive(Map<String, String> form) {
        String portalId = form.get("portalid");
        Optional<AccountKeys> account = portalId == null ? Optional.empty() : keys.payone(portalId);
        String key = form.getOrDefault("key", "");
        if (account.isEmpty()
                || !MessageDigest.isEqual(
                        md5Hex(account.get().payoneKey()).getBytes(StandardCharsets.US_ASCII),
                        key.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.REFUSED;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (FIELDS.contains(name)) {
                kept.put(name, value);
            }
        });
        String txaction = required(form, "txaction");
        String txid = required(form, "txid");
        String currency = form.get("currency");
        Integer sequence = integer(form.get("sequencenumber"), "sequencenumber");
        // amounts are checked now, so that a notification that can never be booked is refused, not stored
        Long price = minor(form.get("price"), currency, "price");
        minor(form.get("balance"), currency, "balance");
        minor(form.get("receivable"), currency, "receivable");
        Partition partition = account.get().partition();
        boolean otherMode = !partition
                .mode()
                .name()
                .equalsIgnoreCase(form.getOrDefault("mode", partition.mode().name()));
        String dedupe = (otherMode ? "other-mode:" : "") + "payone:" + txid + ":" + sequence + ":" + txaction;
        String review = otherMode
                ? "Sent for " + form.get("mode") + " mode, but the key belongs to " + partition.mode() + " mode."
                : null;
        return store.store(
                new NotificationStore.Received(
                        partition,
                        account.get().accountId(),
                        FORMAT,
                        txaction,
                        txid,
                        sequence,
                        txtime(form.get("txtime")),
                        dedupe,
                        price,
                        currency,
                        kept,
                        review),
                Instant.now(clock));
    }

    @Override
    public EventOutcome book(JsonNode p) {
        String currency = text(p, "currency");
        ProviderEvent event = new ProviderEvent(
                FORMAT,
                text(p, "txid"),
                text(p, "txaction"),
                true,
                p.hasNonNull("sequencenumber")
                        ? Integer.valueOf(text(p, "sequencenumber").strip())
                        : 0,
                minor(text(p, "price"), currency, "price"),
                minor(text(p, "receivable"), currency, "receivable"),
                minor(text(p, "balance"), currency, "balance"),
                currency,
                "payone:" + text(p, "txid") + ":" + text(p, "sequencenumber"),
                text(p, "failedcause"),
                p.hasNonNull("reminderlevel")
                        ? Integer.valueOf(text(p, "reminderlevel").strip())
                        : null);
        return events.apply(event, rules);
    }

    static String md5Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PAYONE sends decimals in major units ({@code 19.99}); Kontor books integer minor units. */
    static Long minor(String decimal, String currency, String field) {
        if (decimal == null || decimal.isBlank()) {
            return null;
        }
        try {
            int digits = currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
            long minor = new BigDecimal(decimal.strip()).movePointRight(digits).longValueExact();
            if (Math.abs(minor) > Currencies.MAX_AMOUNT) {
                throw new ArithmeticException("beyond the range of an amount");
            }
            return minor;
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new NotificationInbox.Unreadable(field + " is not an amount in " + currency + ": " + decimal);
        }
    }

    /**
     * PAYONE's {@code txtime} (Unix seconds): after the sequence number, it orders the notifications of one TXID. One
     * that cannot be read is left out, not refused: the sequence number is what PAYONE's order rests on.
     */
    static Instant txtime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NotificationStore.eventTime(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static Integer integer(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new NotificationInbox.Unreadable(field + " is not a number: " + value);
        }
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new NotificationInbox.Unreadable(field + " is required.");
        }
        return value.strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
