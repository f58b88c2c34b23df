package org.opencrm.identity.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The part of a user's card they keep themselves (`002_*` employee card); the photo is uploaded on its own. */
public record Profile(
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 100) String patronymic,
        @Size(max = 32) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String personalPhone,
        @Size(max = 32) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String workPhone,
        @Size(max = 16) @Pattern(regexp = "^[0-9*#]*$", message = "may contain only digits, * and #") String pbxExtension,
        @Past LocalDate birthDate,
        @Size(max = 100) String position) {

    static final String PHONE = "^[+0-9 ()\\-]*$";
    static final String PHONE_MESSAGE = "may contain only digits, spaces, +, -, ( and )";
}
