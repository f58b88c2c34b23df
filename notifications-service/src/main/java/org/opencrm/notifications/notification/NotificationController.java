package org.opencrm.notifications.notification;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The current user's notifications: the bell's list, its count, and marking them read. */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    Notifications.Page list(@RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "30") int limit) {
        return notifications.mine(unreadOnly, cursor, limit);
    }

    @GetMapping("/api/notifications/unread-count")
    Notifications.Count unreadCount() {
        return notifications.unread();
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable UUID id) {
        notifications.read(id);
    }

    @PostMapping("/api/notifications/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll() {
        notifications.readAll();
    }
}
