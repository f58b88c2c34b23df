package org.opencrm.identity.user;

import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;

/** The app's languages, and the one the current request speaks (its Accept-Language), for e-mails it causes. */
public final class Languages {

    /** The languages the web app and the e-mails are written in. */
    public static final Set<String> SUPPORTED = Set.of("en", "ru", "uk");

    private Languages() {
    }

    /** The current request's language if the app speaks it, else null (the reader's default applies). */
    public static String current() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return SUPPORTED.contains(language) ? language : null;
    }
}
