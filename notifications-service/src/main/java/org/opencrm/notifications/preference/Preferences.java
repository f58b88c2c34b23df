package org.opencrm.notifications.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.notifications.directory.Person;
import org.opencrm.notifications.directory.Staff;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds of notification reach a user through which channels, in which language, and the phone their SMS go
 * to. Until a user saves their own: in-app for every kind, no e-mail and no SMS; the language of the invitation
 * that brought them in, else English; their work phone for SMS.
 */
@Service
public class Preferences {

    static final String DEFAULT_LANGUAGE = "en";
    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** The preferences as the API shows them. */
    record View(String language, String phone, Map<String, Channels> kinds) {
    }

    /** What a user saves: kinds left out keep their channels; a null phone removes it. */
    record Change(@NotNull @Pattern(regexp = "en|ru|uk", message = "must be en, ru or uk") String language,
            String phone, Map<String, @Valid ChannelChoice> kinds) {
    }

    /** The channels of one kind, each stated. */
    record ChannelChoice(@NotNull Boolean inApp, @NotNull Boolean email, @NotNull Boolean sms) {
    }

    private final UserPreferencesRepository saved;
    private final Staff staff;

    Preferences(UserPreferencesRepository saved, Staff staff) {
        this.saved = saved;
        this.staff = staff;
    }

    /** How the user (of the current tenant) wants to hear of a kind. */
    @Transactional(readOnly = true)
    public Choice choiceOf(UUID userId, String kind) {
        Optional<UserPreferences> own = saved.findById(userId);
        Optional<Person> person = staff.find(userId);
        Channels channels = own.map(p -> p.channels(kind)).orElse(Channels.defaultFor(kind));
        return new Choice(channels.inApp(), channels.email(), channels.sms(), language(own, person),
                own.map(UserPreferences::phone).orElseGet(() -> person.map(Person::workPhone).orElse(null)));
    }

    /** The user's language (en, ru or uk), for what is written to them without a kind (none so far). */
    @Transactional(readOnly = true)
    public String languageOf(UUID userId) {
        return language(saved.findById(userId), staff.find(userId));
    }

    @Transactional(readOnly = true)
    View mine() {
        UUID me = CurrentUser.require().userId();
        Optional<UserPreferences> own = saved.findById(me);
        Optional<Person> person = staff.find(me);
        return view(own, person);
    }

    @Transactional
    View change(Change change) {
        UUID me = CurrentUser.require().userId();
        List<FieldProblem> problems = new ArrayList<>();
        String phone = change.phone() == null || change.phone().isBlank() ? null
                : change.phone().replaceAll("[\\s()\\-.]", "");
        if (phone != null && !E164.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone", "must be an international number such as +380671234567"));
        }
        Map<String, Channels> kinds = new LinkedHashMap<>();
        if (change.kinds() != null) {
            change.kinds().forEach((kind, channels) -> {
                if (!Kinds.ALL.contains(kind)) {
                    problems.add(new FieldProblem("kinds." + kind, "is not a kind of notification; the kinds are "
                            + String.join(", ", Kinds.ALL)));
                } else if (channels == null) {
                    problems.add(new FieldProblem("kinds." + kind, "must not be null"));
                } else {
                    kinds.put(kind, new Channels(channels.inApp(), channels.email(), channels.sms()));
                }
            });
        }
        UserPreferences own = saved.findById(me).orElseGet(() -> new UserPreferences(me, change.language()));
        boolean smsWanted = Kinds.ALL.stream().anyMatch(kind -> kinds.getOrDefault(kind, own.channels(kind)).sms());
        if (smsWanted && phone == null && problems.stream().noneMatch(p -> p.field().equals("phone"))) {
            problems.add(new FieldProblem("phone", "is needed to receive SMS"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        own.change(change.language(), phone, kinds);
        saved.save(own);
        return view(Optional.of(own), staff.find(me));
    }

    private static View view(Optional<UserPreferences> own, Optional<Person> person) {
        Map<String, Channels> kinds = new LinkedHashMap<>();
        for (String kind : Kinds.ALL) {
            kinds.put(kind, own.map(p -> p.channels(kind)).orElse(Channels.defaultFor(kind)));
        }
        return new View(language(own, person),
                own.map(UserPreferences::phone).orElseGet(() -> person.map(Person::workPhone).orElse(null)), kinds);
    }

    private static String language(Optional<UserPreferences> own, Optional<Person> person) {
        return own.map(UserPreferences::language)
                .or(() -> person.map(Person::language))
                .orElse(DEFAULT_LANGUAGE);
    }
}
