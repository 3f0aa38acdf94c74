package com.kontor.psp.adyen;

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
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Adyen-style standard webhooks (PSP-3, API.md): every item's HMAC-SHA256 signature is checked in constant time
 * before anything of the batch is stored; each item is stored, answered {@code [accepted]}, and booked later by the
 * notification job.
 */
@Component
public class AdyenNotifications implements NotificationFormat {

    static final String FORMAT = "ADYEN";

    private final NotificationKeys keys;
    private final NotificationStore store;
    private final ProviderEvents events;
    private final AdyenRules rules;
    private final Clock clock;

    AdyenNotifications(
            NotificationKeys keys, NotificationStore store, ProviderEvents events, AdyenRules rules, Clock clock) {
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
     * A webhook batch: a bad signature or an unknown merchant account refuses the whole batch (REFUSED, 401), nothing
     * of it stored.
     */
    @Transactional
    public Outcome receive(JsonNode body) {
        JsonNode items = body.path("notificationItems");
        if (!items.isArray() || items.isEmpty()) {
            throw new NotificationInbox.Unreadable("notificationItems is missing or empty.");
        }
        boolean live = "true".equalsIgnoreCase(body.path("live").asString(""));
        List<NotificationStore.Received> checked = new ArrayList<>();
        for (JsonNode wrapper : items) {
            JsonNode item = wrapper.path("NotificationRequestItem");
            String merchantAccount = item.path("merchantAccountCode").asString("");
            Optional<AccountKeys> account = keys.adyen(merchantAccount);
            if (account.isEmpty() || !signatureValid(item, account.get().adyenHmacKeys())) {
                return Outcome.REFUSED;
            }
            checked.add(received(item, live, account.get()));
        }
        Instant now = Instant.now(clock);
        checked.forEach(n -> store.store(n, now));
        return Outcome.STORED;
    }

    private static NotificationStore.Received received(JsonNode item, boolean live, AccountKeys account) {
        String eventCode = item.path("eventCode").asString("");
        String psp = item.path("pspReference").asString("");
        String original = item.path("originalReference").asString("");
        String success = item.path("success").asString("");
        if (eventCode.isEmpty() || psp.isEmpty()) {
            throw new NotificationInbox.Unreadable("eventCode and pspReference are required.");
        }
        JsonNode amount = item.path("amount");
        JsonNode given = amount.path("value");
        if (given.isIntegralNumber()
                && (!given.canConvertToLong() || given.asLong() < 0 || given.asLong() > Currencies.MAX_AMOUNT)) {
            throw new NotificationInbox.Unreadable("amount.value is beyond the range of an amount.");
        }
        Long value = given.isIntegralNumber() ? given.asLong() : null;
        String currency =
                amount.path("currency").isString() ? amount.path("currency").asString() : null;
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("eventCode", eventCode);
        kept.put("success", success);
        kept.put("pspReference", psp);
        kept.put("originalReference", original);
        kept.put("merchantReference", item.path("merchantReference").asString(""));
        kept.put("merchantAccountCode", item.path("merchantAccountCode").asString(""));
        kept.put("value", value);
        kept.put("currency", currency);
        kept.put("eventDate", item.path("eventDate").asString(""));
        kept.put("reason", item.path("reason").asString(""));
        kept.put("live", live);
        Partition partition = account.partition();
        boolean otherMode = live != (partition.mode() == Mode.LIVE);
        String dedupe = (otherMode ? "other-mode:" : "") + "adyen:" + psp + ":" + eventCode + ":" + success;
        String review = otherMode
                ? "Sent for " + (live ? "live" : "test") + " mode, but the key belongs to " + partition.mode()
                        + " mode."
                : null;
        return new NotificationStore.Received(
                partition,
                account.accountId(),
                FORMAT,
                eventCode,
                processReference(eventCode, psp, original),
                null,
                eventDate(item.path("eventDate").asString("")),
                dedupe,
                value,
                currency,
                kept,
                review);
    }

    /**
     * Adyen's {@code eventDate} (ISO 8601 with an offset, e.g. {@code 2026-11-28T10:00:00+01:00}): it orders the
     * notifications of one payment (there is no sequence number). One that cannot be read is left out, not refused.
     */
    static Instant eventDate(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return NotificationStore.eventTime(
                    OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** AUTHORISATION names the process by its own pspReference, every later event by originalReference. */
    private static String processReference(String eventCode, String psp, String original) {
        return eventCode.equals("AUTHORISATION") || original == null || original.isEmpty() ? psp : original;
    }

    @Override
    public EventOutcome book(JsonNode p) {
        String eventCode = text(p, "eventCode");
        String reason = text(p, "reason");
        ProviderEvent event = new ProviderEvent(
                FORMAT,
                processReference(eventCode, text(p, "pspReference"), text(p, "originalReference")),
                eventCode,
                "true".equalsIgnoreCase(text(p, "success")),
                null,
                p.path("value").isNull() ? null : p.path("value").asLong(),
                null,
                null,
                text(p, "currency"),
                text(p, "pspReference"),
                reason == null || reason.isEmpty() ? null : reason,
                null);
        return events.apply(event, rules);
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

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
