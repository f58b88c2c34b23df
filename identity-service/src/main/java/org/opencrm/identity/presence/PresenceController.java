package org.opencrm.identity.presence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/presence")
class PresenceController {

    record PresenceRequest(@NotNull PresenceStatus status) {
    }

    private final Presence presence;

    PresenceController(Presence presence) {
        this.presence = presence;
    }

    @GetMapping
    List<Presence.PresenceView> colleagues() {
        return presence.colleagues();
    }

    @PutMapping
    Presence.PresenceView set(@Valid @RequestBody PresenceRequest request) {
        return presence.set(request.status());
    }

    @PostMapping("/heartbeat")
    Presence.PresenceView heartbeat() {
        return presence.heartbeat();
    }
}
