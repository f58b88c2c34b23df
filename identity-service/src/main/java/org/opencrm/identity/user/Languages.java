package org.opencrm.identity.user;

import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The app's languages, and the one the current request speaks (its Accept-Language), for e-mails it causes. */
public final class Languages {

    /** The languages the web app and the e-mails are written in. */
    public static final Set<String> SUPPORTED = Set.of("en", "ru", "uk");

    private Languages() {
    }

    /**
     * The language the current request asked for, if it asked for one the app speaks; else null, and whoever
     * writes to the reader chooses (their own setting, or the default).
     */
    public static String current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                || request.getRequest().getHeader("Accept-Language") == null) {
            return null;
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        return SUPPORTED.contains(language) ? language : null;
    }
}
