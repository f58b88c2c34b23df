package org.opencrm.contacts.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new contact; the owner defaults to the user who creates it. */
record CreateContactRequest(
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "^[+0-9 ()\\-]*$", message = "may contain only digits, spaces, +, -, ( and )") String phone,
        UUID ownerId) {
}
