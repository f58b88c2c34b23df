package org.opencrm.notifications.preference;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The current user's notification preferences. */
@RestController
class PreferenceController {

    private final Preferences preferences;

    PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/notifications/preferences")
    Preferences.View mine() {
        return preferences.mine();
    }

    @PutMapping("/api/notifications/preferences")
    Preferences.View change(@Valid @RequestBody Preferences.Change change) {
        return preferences.change(change);
    }
}
