package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.audit.ActorLabel;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditFilter;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.ledger.BookingType;
import com.kontor.ledger.DunningStatus;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import com.kontor.search.Category;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every text in German and English: a key in one language only fails, and so does an enum value that a view shows
 * through a key (event types, roles, states, ...) without that key.
 */
class TranslationsTest {

    private static final Properties EN = load("/vaadin-i18n/translations.properties");
    private static final Properties DE = load("/vaadin-i18n/translations_de.properties");

    @Test
    void everyKeyExistsInEnglishAndGerman() {
        assertThat(DE.stringPropertyNames()).as("keys in English only").containsAll(EN.stringPropertyNames());
        assertThat(EN.stringPropertyNames()).as("keys in German only").containsAll(DE.stringPropertyNames());
        for (Properties texts : List.of(EN, DE)) {
            texts.stringPropertyNames()
                    .forEach(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyValidationMessageExistsInEnglishAndGerman() {
        Properties en = load("/ValidationMessages.properties");
        Properties de = load("/ValidationMessages_de.properties");
        assertThat(de.stringPropertyNames()).as("in English only").containsAll(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).as("in German only").containsAll(de.stringPropertyNames());
    }

    /** A text with arguments goes through MessageFormat: a lone apostrophe would swallow the rest of it. */
    @Test
    void textsWithArgumentsKeepTheirApostrophes() {
        for (Properties texts : List.of(EN, DE)) {
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"});
                    assertThat(formatted).as(key).doesNotContain("{0}");
                    assertThat(formatted.chars().filter(c -> c == '\'').count())
                            .as(key)
                            .isEqualTo(text.split("''", -1).length - 1);
                }
            }
        }
    }

    @Test
    void everyEnumValueAViewShowsHasItsTextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        keys.addAll(keys("role.", Role.values(), Enum::name));
        keys.addAll(keys("module.", BookedModule.values(), Enum::name));
        keys.addAll(keys("blacklist.kind.", BlacklistKind.values(), Enum::name));
        keys.addAll(keys("method.", PaymentMethod.values(), Enum::name));
        keys.addAll(keys("status.", ProcessStatus.values(), Enum::name));
        keys.addAll(keys("dunning.", DunningStatus.values(), Enum::name));
        keys.addAll(keys("booking.", BookingType.values(), Enum::name));
        keys.addAll(keys("receivable.", ReceivableType.values(), Enum::name));
        keys.addAll(keys("search.category.", Category.values(), Enum::name));
        keys.addAll(keys("audit.field.", AuditFilter.Field.values(), Enum::name));
        keys.addAll(keys("audit.event.", AuditEventType.values(), Enum::name));
        keys.addAll(keys("mode.", Mode.values(), Mode::urlSegment));
        keys.addAll(ActorLabel.allKeys().toList());
        keys.addAll(List.of( // the provider log's directions (customer.ui.ProviderLogDialog.DIRECTIONS)
                "providerLog.direction.REQUEST", "providerLog.direction.ANSWER", "providerLog.direction.NOTIFICATION"));
        for (String key : keys) {
            assertThat(EN.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(DE.getProperty(key)).as("German " + key).isNotBlank();
        }
    }

    private static <E> List<String> keys(String prefix, E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(v -> prefix + name.apply(v)).toList();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
