package com.kontor.psp;

import com.kontor.psp.adyen.AdyenNotifications;
import com.kontor.psp.payone.PayoneNotifications;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Receives provider notifications (PSP-3): checks the key or signature, then stores each notification before it is
 * acknowledged; booking follows asynchronously. A repeat (same provider reference, sequence number and event) is
 * stored once. Only the fields Kontor needs are kept, never a key, signature, IBAN or card number.
 */
@Service
public class NotificationInbox {

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

    private final PayoneNotifications payone;
    private final AdyenNotifications adyen;

    public NotificationInbox(PayoneNotifications payone, AdyenNotifications adyen) {
        this.payone = payone;
        this.adyen = adyen;
    }

    /** A PAYONE-style form POST; REFUSED (403) for an unknown portal id or a wrong key. */
    public Outcome receivePayone(Map<String, String> form) {
        return payone.receive(form);
    }

    /** An Adyen-style webhook batch; REFUSED (401) when any item's signature is wrong or its account unknown. */
    public Outcome receiveAdyen(JsonNode body) {
        return adyen.receive(body);
    }
}
