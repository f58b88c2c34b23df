package org.opencrm.identity.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company's user directory: reading it, assigning roles and departments, deactivating, profiles. */
@Service
public class Users {

    private static final Instant FIRST_PAGE_AT = Instant.parse("9999-12-31T23:59:59Z");
    private static final UUID FIRST_PAGE_ID = new UUID(-1L, -1L);

    private final UserRepository users;
    private final EventPublisher events;
    private final JdbcTemplate jdbc;

    Users(UserRepository users, EventPublisher events, JdbcTemplate jdbc) {
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public UserPage list(String query, String cursor, int limit) {
        String pattern = query == null || query.isBlank() ? "%"
                : "%" + query.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Instant at = FIRST_PAGE_AT;
        UUID id = FIRST_PAGE_ID;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decode(cursor);
            at = Instant.parse(parts[0]);
            id = UUID.fromString(parts[1]);
        }
        List<User> rows = users.findPage(pattern, at, id, Limit.of(limit + 1));
        List<UserView> items = rows.stream().limit(limit).map(UserView::of).toList();
        String next = rows.size() > limit ? encode(rows.get(limit - 1)) : null;
        return new UserPage(items, next);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(find(id));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserView assign(UUID id, Role role, UUID departmentId) {
        User user = find(id);
        requireDepartment(departmentId);
        if (user.role() == Role.ADMIN && role != Role.ADMIN && user.status() == UserStatus.ACTIVE
                && users.countActiveAdmins() <= 1) {
            throw new LastAdminException("The company needs at least one active administrator.");
        }
        user.assign(role, departmentId);
        users.flush();
        updated(user);
        return UserView.of(user);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserView deactivate(UUID id) {
        UUID caller = CurrentUser.require().userId();
        if (caller.equals(id)) {
            throw new LastAdminException("You cannot deactivate yourself; ask another administrator.");
        }
        User user = find(id);
        if (user.status() != UserStatus.DEACTIVATED) {
            user.deactivate();
            users.flush();
            events.publish(new UserDeactivated(user.id(), caller, user.deactivatedAt()));
        }
        return UserView.of(user);
    }

    @Transactional
    public UserView updateProfile(UUID id, Profile profile) {
        User user = find(id);
        user.updateProfile(profile);
        users.flush();
        updated(user);
        return UserView.of(user);
    }

    /**
     * The department must be one of the caller's company. Asked of the table directly, with the tenant
     * spelled out, because the department module itself depends on this one.
     */
    public void requireDepartment(UUID departmentId) {
        if (departmentId != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from department where id = ? and tenant_id = ?)", Boolean.class,
                departmentId, TenantContext.require()))) {
            throw new NotFoundException("Department", departmentId);
        }
    }

    private void updated(User user) {
        events.publish(new UserUpdated(user.id(), user.email(), user.firstName(), user.lastName(), user.patronymic(),
                user.role().name(), user.departmentId(), user.workPhone(), user.pbxExtension(), user.position(),
                user.updatedAt()));
    }

    private User find(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    private static String encode(User last) {
        String raw = last.createdAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }
}
