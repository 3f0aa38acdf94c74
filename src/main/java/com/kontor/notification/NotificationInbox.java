package com.kontor.notification;

import com.kontor.payment.SimulatedOutcome;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives provider notifications (PSP-3): checks the key or signature, then stores each notification before it is
 * acknowledged. A repeat (same provider reference, sequence number and event) is recognised by its dedupe key and
 * stored once. Booking happens later, in {@link NotificationProcessor}. Only the fields Kontor needs are kept, never
 * a key, signature, IBAN or card number.
 */
@Service
public class NotificationInbox {

    /** PAYONE fields kept in the stored payload; anything else (key, bank or card data) is dropped. */
    static final Set<String> PAYONE_FIELDS = Set.of(
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Outcome {
        STORED,
        REPEAT,
        REFUSED
    }

    /** A notification whose content cannot be read (an amount that is not a number): 400, nothing stored. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private final ProviderAccounts accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationInbox(ProviderAccounts accounts, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A PAYONE-style form POST; REFUSED (403) for an unknown portal id or a wrong key. One notification is one
     * insert, atomic by itself: no transaction around it, so a burst of notifications costs one round trip each.
     */
    public Outcome receivePayone(Map<String, String> form) {
        String portalId = form.get("portalid");
        Optional<AccountKeys> account = portalId == null ? Optional.empty() : accounts.payone(portalId);
        String key = form.getOrDefault("key", "");
        if (account.isEmpty()
                || !MessageDigest.isEqual(
                        md5Hex(account.get().payoneKey()).getBytes(StandardCharsets.US_ASCII),
                        key.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.REFUSED;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (PAYONE_FIELDS.contains(name)) {
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
        return store(
                partition,
                account.get().accountId(),
                "PAYONE",
                txaction,
                txid,
                sequence,
                dedupe,
                price,
                currency,
                JSON.writeValueAsString(kept),
                otherMode
                        ? "Sent for " + form.get("mode") + " mode, but the key belongs to " + partition.mode()
                                + " mode."
                        : null,
                Instant.now(clock));
    }

    /**
     * An Adyen-style webhook batch: every item's HMAC is checked (constant time) before anything is stored; a bad
     * signature or an unknown merchant account refuses the whole batch (REFUSED, 401).
     */
    @Transactional
    public Outcome receiveAdyen(JsonNode body) {
        JsonNode items = body.path("notificationItems");
        if (!items.isArray() || items.isEmpty()) {
            throw new Unreadable("notificationItems is missing or empty.");
        }
        boolean live = "true".equalsIgnoreCase(body.path("live").asString(""));
        List<Runnable> stores = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (JsonNode wrapper : items) {
            JsonNode item = wrapper.path("NotificationRequestItem");
            String merchantAccount = item.path("merchantAccountCode").asString("");
            Optional<AccountKeys> account = accounts.adyen(merchantAccount);
            if (account.isEmpty() || !signatureValid(item, account.get().adyenHmacKeys())) {
                return Outcome.REFUSED;
            }
            String eventCode = item.path("eventCode").asString("");
            String psp = item.path("pspReference").asString("");
            String original = item.path("originalReference").asString("");
            String success = item.path("success").asString("");
            if (eventCode.isEmpty() || psp.isEmpty()) {
                throw new Unreadable("eventCode and pspReference are required.");
            }
            JsonNode amount = item.path("amount");
            Long value = amount.path("value").isIntegralNumber()
                    ? amount.path("value").asLong()
                    : null;
            String currency =
                    amount.path("currency").isString() ? amount.path("currency").asString() : null;
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("eventCode", eventCode);
            kept.put("success", success);
            kept.put("pspReference", psp);
            kept.put("originalReference", original);
            kept.put("merchantReference", item.path("merchantReference").asString(""));
            kept.put("merchantAccountCode", merchantAccount);
            kept.put("value", value);
            kept.put("currency", currency);
            kept.put("eventDate", item.path("eventDate").asString(""));
            kept.put("reason", item.path("reason").asString(""));
            kept.put("live", live);
            Partition partition = account.get().partition();
            boolean otherMode = live != (partition.mode() == Mode.LIVE);
            String processReference = eventCode.equals("AUTHORISATION") || original.isEmpty() ? psp : original;
            String dedupe = (otherMode ? "other-mode:" : "") + "adyen:" + psp + ":" + eventCode + ":" + success;
            String payload = JSON.writeValueAsString(kept);
            long accountId = account.get().accountId();
            stores.add(() -> store(
                    partition,
                    accountId,
                    "ADYEN",
                    eventCode,
                    processReference,
                    null,
                    dedupe,
                    value,
                    currency,
                    payload,
                    otherMode
                            ? "Sent for " + (live ? "live" : "test") + " mode, but the key belongs to "
                                    + partition.mode() + " mode."
                            : null,
                    now));
        }
        stores.forEach(Runnable::run);
        return Outcome.STORED;
    }

    /** A delayed outcome of the simulator, due after its delay; booked through the same path as notifications. */
    @Transactional
    public void receiveSimulated(SimulatedOutcome outcome, Partition partition) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("txid", outcome.txid());
        payload.put("operation", outcome.operation());
        payload.put("kind", outcome.kind().name());
        payload.put("amount", outcome.amount());
        payload.put("providerTxn", outcome.providerTxn());
        Instant now = Instant.now(clock);
        try {
            insert(
                    partition,
                    null,
                    "SIMULATOR",
                    outcome.operation() + ":" + outcome.kind(),
                    null,
                    null,
                    "simulator:" + outcome.txid() + ":" + outcome.providerTxn() + ":" + outcome.kind(),
                    outcome.amount(),
                    null,
                    JSON.writeValueAsString(payload),
                    now,
                    now.plus(outcome.delay()),
                    "RECEIVED",
                    null);
        } catch (DuplicateKeyException repeat) {
            // this very outcome is stored already; MariaDB undid only the statement, the caller's transaction goes on
        }
    }

    private Outcome store(
            Partition partition,
            Long accountId,
            String format,
            String event,
            String reference,
            Integer sequence,
            String dedupe,
            Long amount,
            String currency,
            String payload,
            String reviewReason,
            Instant now) {
        try {
            insert(
                    partition,
                    accountId,
                    format,
                    event,
                    reference,
                    sequence,
                    dedupe,
                    amount,
                    currency,
                    payload,
                    now,
                    now,
                    reviewReason == null ? "RECEIVED" : "REVIEW",
                    reviewReason);
            return Outcome.STORED;
        } catch (DuplicateKeyException repeat) {
            return Outcome.REPEAT;
        }
    }

    private void insert(
            Partition partition,
            Long accountId,
            String format,
            String event,
            String reference,
            Integer sequence,
            String dedupe,
            Long amount,
            String currency,
            String payload,
            Instant receivedAt,
            Instant notBefore,
            String state,
            String reason) {
        jdbc.update(
                """
                insert into provider_notification (partition_key, account_id, format, event, provider_reference,
                    sequence_number, dedupe_key, amount, currency, payload, received_at, not_before, state, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                partition.key(),
                accountId,
                format,
                truncate(event, 40),
                truncate(reference, 64),
                sequence,
                truncate(dedupe, 200),
                amount,
                currency,
                payload,
                Timestamp.from(receivedAt),
                Timestamp.from(notBefore),
                state,
                reason);
    }

    static boolean signatureValid(JsonNode item, List<byte[]> keys) {
        String given = item.path("additionalData").path("hmacSignature").asString("");
        if (given.isEmpty()) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(given);
        } catch (IllegalArgumentException e) {
            return false;
        }
        JsonNode amount = item.path("amount");
        String signed = String.join(
                ":",
                item.path("pspReference").asString(""),
                item.path("originalReference").asString(""),
                item.path("merchantAccountCode").asString(""),
                item.path("merchantReference").asString(""),
                amount.path("value").asString(""),
                amount.path("currency").asString(""),
                item.path("eventCode").asString(""),
                item.path("success").asString(""));
        boolean valid = false;
        for (byte[] key : keys) {
            valid |= MessageDigest.isEqual(hmac(key, signed), presented); // every key tried: no early exit
        }
        return valid;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
            return new BigDecimal(decimal.strip()).movePointRight(digits).longValueExact();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new Unreadable(field + " is not an amount in " + currency + ": " + decimal);
        }
    }

    private static Integer integer(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Unreadable(field + " is not a number: " + value);
        }
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new Unreadable(field + " is required.");
        }
        return value.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
