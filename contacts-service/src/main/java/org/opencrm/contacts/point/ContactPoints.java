package org.opencrm.contacts.point;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/**
 * Checks and normalises contact points: phones become E.164 with libphonenumber (a number typed without a
 * country code is read in the company's region), e-mails are lower-cased, websites need a host; each kind
 * has exactly one primary point.
 */
public final class ContactPoints {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** The shape an address must have; the rest is the mail server's business. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ContactPoints() {
    }

    /** The points to keep, in the order given; throws with every refused field named. */
    public static List<ContactPoint> normalise(UUID tenantId, List<PointInput> inputs, String region, String field) {
        List<FieldProblem> errors = new ArrayList<>();
        List<ContactPoint> points = new ArrayList<>();
        Map<PointKind, Integer> primaries = new EnumMap<>(PointKind.class);
        for (int i = 0; i < inputs.size(); i++) {
            PointInput input = inputs.get(i);
            String name = field + "[" + i + "]";
            if (input == null || input.kind() == null || input.value() == null || input.value().isBlank()) {
                errors.add(new FieldProblem(name, "needs a kind and a value"));
                continue;
            }
            String value = input.value().strip();
            Optional<String[]> normalised = switch (input.kind()) {
                case PHONE -> phone(value, region);
                case EMAIL -> email(value);
                case WEBSITE -> website(value);
                default -> Optional.of(new String[] {value, value.toLowerCase(Locale.ROOT)});
            };
            if (normalised.isEmpty()) {
                errors.add(new FieldProblem(name + ".value", switch (input.kind()) {
                    case PHONE -> "is not a valid phone number";
                    case EMAIL -> "is not a valid e-mail address";
                    default -> "is not a valid web address";
                }));
                continue;
            }
            if (input.isPrimary() && primaries.merge(input.kind(), 1, Integer::sum) > 1) {
                errors.add(new FieldProblem(name + ".primary",
                        "only one " + input.kind().name().toLowerCase(Locale.ROOT) + " can be the primary one"));
            }
            String label = input.label() == null || input.label().isBlank() ? null : input.label().strip();
            points.add(new ContactPoint(tenantId, input.kind(), label, normalised.get()[0], normalised.get()[1],
                    input.isPrimary()));
        }
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (points.get(j).kind() == points.get(i).kind() && points.get(j).searchKey().equals(points.get(i).searchKey())) {
                    errors.add(new FieldProblem(field + "[" + i + "].value", "is given twice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        // a kind without a point marked primary gets its first one
        List<ContactPoint> result = new ArrayList<>(points.size());
        for (ContactPoint point : points) {
            boolean first = result.stream().noneMatch(kept -> kept.kind() == point.kind());
            boolean primary = point.primary() || (first && !primaries.containsKey(point.kind()));
            result.add(new ContactPoint(tenantId, point.kind(), point.label(), point.value(), point.searchKey(), primary));
        }
        return result;
    }

    /** The value of the primary point of a kind (what a list shows in its phone or e-mail column), or null. */
    public static String primaryValue(List<ContactPoint> points, PointKind kind) {
        return points.stream().filter(point -> point.kind() == kind && point.primary()).map(ContactPoint::value)
                .findFirst().orElse(null);
    }

    /** Tags as a card keeps them: trimmed, without empty or repeated ones, in the order given. */
    public static List<String> tags(List<String> typed) {
        return typed == null ? new ArrayList<>()
                : new ArrayList<>(typed.stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList());
    }

    /** The E.164 digits (no plus) of a phone typed in any format, or empty if it is not a phone number. */
    public static Optional<String> phoneKey(String typed, String region) {
        return phone(typed, region).map(parts -> parts[1]);
    }

    /** The lower-cased e-mail, or empty if it does not look like one. */
    public static Optional<String> emailKey(String typed) {
        return email(typed.strip()).map(parts -> parts[1]);
    }

    private static Optional<String[]> phone(String typed, String region) {
        try {
            var number = PHONES.parse(typed, region);
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            String e164 = PHONES.format(number, PhoneNumberFormat.E164);
            return Optional.of(new String[] {PHONES.format(number, PhoneNumberFormat.INTERNATIONAL), e164.substring(1)});
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String[]> email(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return EMAIL.matcher(lower).matches() && lower.length() <= 254
                ? Optional.of(new String[] {lower, lower}) : Optional.empty();
    }

    private static Optional<String[]> website(String typed) {
        String withScheme = typed.matches("(?i)^https?://.*") ? typed : "https://" + typed;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null || !uri.getHost().contains(".")) {
                return Optional.empty();
            }
            return Optional.of(new String[] {withScheme, withScheme.toLowerCase(Locale.ROOT)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
