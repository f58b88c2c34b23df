package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencrm.contacts.company.CompanyState;
import org.opencrm.contacts.contact.ContactState;
import org.opencrm.contacts.point.PointInput;
import org.opencrm.contacts.point.PointKind;

/** The shortcut says yes only where the validator finds nothing, and says it for ordinary valid cards. */
class ConstraintShortcutTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final ConstraintShortcut<ContactState> SHORTCUT =
            ConstraintShortcut.of(VALIDATOR, ContactState.class).orElseThrow();

    private static ContactState card(String firstName, String lastName, LocalDate birthDate, List<String> tags,
            String notes, Map<String, Object> custom, List<PointInput> points) {
        return new ContactState(null, firstName, null, lastName, birthDate, null, null, null, null, null, tags, null, null,
                null, notes, custom, points, null);
    }

    private static PointInput phone(String value) {
        return new PointInput(PointKind.PHONE, null, value, null);
    }

    @Test
    void agreesWithTheValidatorOnValidAndInvalidCards() {
        Map<String, Object> tooManyFields = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            tooManyFields.put("f" + i, i);
        }
        List<ContactState> cards = List.of(
                card("Taras", "Shevchenko", LocalDate.of(1814, 3, 9), List.of("poet"), "Kobzar", Map.of("a", 1),
                        List.of(phone("067 111 22 33"), new PointInput(PointKind.EMAIL, "work", "t@example.com", true))),
                card("Lesya", null, null, null, null, null, List.of()),
                card(null, "Nobody", null, null, null, null, List.of()),
                card("   ", null, null, null, null, null, List.of()),
                card("\u2003", null, null, null, null, null, List.of()),
                card("x".repeat(101), null, null, null, null, null, List.of()),
                card("x".repeat(100), "y".repeat(101), null, null, null, null, List.of()),
                card("Future", null, LocalDate.now().plusDays(1), null, null, null, List.of()),
                card("Today", null, LocalDate.now(), null, null, null, List.of()),
                card("Tags", null, null, Collections.nCopies(51, "t"), null, null, List.of()),
                card("Tags", null, null, List.of("ok", " "), null, null, List.of()),
                card("Tags", null, null, List.of("t".repeat(51)), null, null, List.of()),
                card("Notes", null, null, null, "n".repeat(10_001), null, List.of()),
                card("Custom", null, null, null, null, tooManyFields, List.of()),
                card("Points", null, null, null, null, null, Collections.nCopies(51, phone("067 111 22 33"))),
                card("Points", null, null, null, null, null, List.of(new PointInput(null, null, "1", null))),
                card("Points", null, null, null, null, null, List.of(new PointInput(PointKind.PHONE, "l".repeat(51), "1", null))),
                card("Points", null, null, null, null, null, List.of(phone(" "))),
                card("Points", null, null, null, null, null, List.of(phone("9".repeat(501)))));

        for (ContactState card : cards) {
            boolean valid = VALIDATOR.validate(card).isEmpty();
            assertThat(SHORTCUT.passes(card)).as(card.toString().substring(0, Math.min(120, card.toString().length())))
                    .isEqualTo(valid);
        }
    }

    @Test
    void agreesWithTheValidatorOnCompanyCardsToo() {
        var shortcut = ConstraintShortcut.of(VALIDATOR, CompanyState.class).orElseThrow();
        List<CompanyState> cards = List.of(
                new CompanyState("Romashka", "14360570", "Retail", null, List.of("opt"), "Notes", Map.of("a", 1),
                        List.of(phone("044 123 45 67")), null),
                new CompanyState(null, null, null, null, null, null, null, List.of(), null),
                new CompanyState(" ", null, null, null, null, null, null, List.of(), null),
                new CompanyState("x".repeat(201), null, null, null, null, null, null, List.of(), null),
                new CompanyState("Tax", "1".repeat(21), null, null, null, null, null, List.of(), null),
                new CompanyState("Industry", null, "i".repeat(101), null, null, null, null, List.of(), null),
                new CompanyState("Tags", null, null, null, List.of("ok", " "), null, null, List.of(), null),
                new CompanyState("Points", null, null, null, null, null, null, List.of(phone(" ")), null));

        for (CompanyState card : cards) {
            assertThat(shortcut.passes(card)).as(String.valueOf(card.name())).isEqualTo(VALIDATOR.validate(card).isEmpty());
        }
    }
}
