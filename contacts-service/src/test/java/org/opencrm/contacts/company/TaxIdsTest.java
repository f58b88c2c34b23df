package org.opencrm.contacts.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxIdsTest {

    @Test
    void anEightDigitNumberIsAnEdrpouCodeAndMustPassItsCheckDigit() {
        assertThat(TaxIds.normalise("1436 0570")).contains("14360570");
        assertThat(TaxIds.normalise("14360571")).isEmpty();
        // codes from 30000000 to 60000000 are weighted from 7
        assertThat(TaxIds.normalise("32000001")).contains("32000001");
        assertThat(TaxIds.normalise("00033715")).contains("00033715");
    }

    @Test
    void anotherCountrysNumberIsKeptInLettersAndDigits() {
        assertThat(TaxIds.normalise("de 123-456.789")).contains("DE123456789");
        assertThat(TaxIds.normalise("№ 12")).isEmpty();
    }

    @Test
    void aSpreadsheetsNumberGetsBackTheLeadingZerosOfAValidCode() {
        assertThat(TaxIds.fromSpreadsheet("33715")).contains("00033715");
        assertThat(TaxIds.fromSpreadsheet("32129")).contains("00032129");
        // no valid code with its zeros back: kept as typed, as another country's number would be
        assertThat(TaxIds.fromSpreadsheet("33716")).contains("33716");
        assertThat(TaxIds.fromSpreadsheet("14360570")).contains("14360570");
    }
}
