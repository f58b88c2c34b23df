package org.opencrm.contacts.settings;

import jakarta.validation.Valid;
import org.opencrm.platform.starter.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SettingsController {

    private final Settings settings;

    SettingsController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/contacts/settings")
    Settings.View get() {
        CurrentUser.require();
        return new Settings.View(settings.defaultRegion());
    }

    @PutMapping("/api/contacts/settings")
    Settings.View put(@Valid @RequestBody Settings.View view) {
        return settings.change(view);
    }
}
