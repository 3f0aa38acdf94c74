package com.kontor.psp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Every form of review reason the notification job writes reads as German text in German. */
class ReviewReasonsTest {

    @Test
    void everyKnownReasonIsTranslatedWithItsDetails() throws Exception {
        Properties de = new Properties();
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations_de.properties")) {
            de.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        BiFunction<String, Object[], String> german = (key, args) -> {
            String text = de.getProperty(key);
            assertThat(text).as(key).isNotNull();
            return args.length == 0 ? text : new MessageFormat(text, Locale.GERMAN).format(args);
        };
        List<String> stored = List.of(
                "No process with this provider reference.",
                "No such process.",
                "Several processes share it.",
                "Currency GBP differs from the process's EUR.",
                "The ledger refused it: amount exceeds the balance",
                "Could not be booked: timeout",
                "Waited longer than PT30M: Waits for sequence number 4.",
                "Waits for the AUTHORISATION.",
                "The capture was declined.",
                "Sent for live mode, but the key belongs to TEST mode.");
        for (String reason : stored) {
            assertThat(ReviewReasons.text(reason, german)).as(reason).isNotEqualTo(reason);
        }
        assertThat(ReviewReasons.text("Currency GBP differs from the process's EUR.", german))
                .isEqualTo("Die Währung GBP weicht von der des Vorgangs (EUR) ab.");
        assertThat(ReviewReasons.text("Waited longer than PT30M: Waits for sequence number 4.", german))
                .isEqualTo("Hat länger als 30 Minuten gewartet: Wartet auf die Nachricht Nr. 4 des Anbieters.");
        assertThat(ReviewReasons.text("Sent for live mode, but the key belongs to TEST mode.", german))
                .isEqualTo("Für den Modus Live gesendet, der Schlüssel gehört aber zum Modus Test.");
        assertThat(ReviewReasons.text("something new", german)).isEqualTo("something new");
    }
}
