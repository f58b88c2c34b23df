package org.opencrm.contacts.importing;

import java.util.List;
import java.util.Locale;

/**
 * A field of a card that a column of an imported file can fill: {@link ContactField} for contacts,
 * {@link CompanyField} for companies.
 */
sealed interface CardField permits ContactField, CompanyField {

    /** The name a mapping and an error use for it. */
    String field();

    /** The column header for a reader of this language (en, uk or ru; English otherwise). */
    String label(Locale locale);

    /** The headers this field is recognised by, normalised by {@link ContactField#headerKey}. */
    List<String> headers();

    /** Whether a column of this field may hold several values (phones, e-mails, addresses, websites: one point each). */
    boolean repeatable();
}
