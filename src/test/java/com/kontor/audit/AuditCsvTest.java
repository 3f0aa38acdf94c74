package com.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** AUD-2 export rules that need no database: the spreadsheet's separator per locale, formulas made harmless. */
class AuditCsvTest {

    @Test
    void aGermanSpreadsheetGetsSemicolonsAnEnglishOneCommas() {
        assertThat(AuditCsv.separator(Locale.GERMANY)).isEqualTo(';');
        assertThat(AuditCsv.separator(Locale.GERMAN)).isEqualTo(';');
        assertThat(AuditCsv.separator(Locale.US)).isEqualTo(',');
        assertThat(AuditCsv.separator(Locale.UK)).isEqualTo(',');
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaBecomeText() {
        assertThat(AuditCsv.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(AuditCsv.safe("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.safe("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.safe("Called the customer")).isEqualTo("Called the customer");
        assertThat(AuditCsv.safe(null)).isNull();
    }
}
