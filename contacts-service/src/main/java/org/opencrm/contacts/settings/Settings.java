package org.opencrm.contacts.settings;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import org.opencrm.contacts.config.ContactsSettings;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's settings for its client base: the region a phone typed without a country code belongs to
 * (the service's default until an ADMIN chooses). Read by id = the tenant, so no other company's row can
 * be reached.
 */
@Service
public class Settings {

    /** What the settings screen shows and sends. */
    public record View(@NotBlank String defaultRegion) {
    }

    private final JdbcTemplate jdbc;
    private final ContactsSettings defaults;

    Settings(JdbcTemplate jdbc, ContactsSettings defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    /** The region phones of the current company are read in. */
    public String defaultRegion() {
        return jdbc.queryForList("select default_region from tenant_settings where tenant_id = ?", String.class,
                TenantContext.require()).stream().findFirst().orElse(defaults.defaultRegion());
    }

    /** Chooses the region; ADMIN only. */
    @Transactional
    public View change(View view) {
        if (!CurrentUser.require().hasRole("ADMIN")) {
            throw new AccessDeniedException("Only an administrator changes the settings.");
        }
        String region = view.defaultRegion().strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw InvalidFieldsException.of("defaultRegion", "is not a region code (ISO 3166, e.g. UA, PL, DE)");
        }
        jdbc.update("""
                insert into tenant_settings (tenant_id, default_region) values (?, ?)
                on conflict (tenant_id) do update set default_region = excluded.default_region
                """, TenantContext.require(), region);
        return new View(region);
    }
}
