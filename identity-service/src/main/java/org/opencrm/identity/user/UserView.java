package org.opencrm.identity.user;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A user as the API shows them to colleagues. */
public record UserView(UUID id, String email, String firstName, String lastName, String patronymic, Role role,
        UUID departmentId, UserStatus status, String personalPhone, String workPhone, String pbxExtension,
        LocalDate birthDate, String photoUrl, String position, Instant createdAt, long version) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.firstName(), user.lastName(), user.patronymic(), user.role(),
                user.departmentId(), user.status(), user.personalPhone(), user.workPhone(), user.pbxExtension(),
                user.birthDate(), user.photoUrl(), user.position(), user.createdAt(), user.version());
    }
}
