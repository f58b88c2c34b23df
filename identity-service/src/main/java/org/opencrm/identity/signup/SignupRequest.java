package org.opencrm.identity.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A company signing up with its first administrator. */
record SignupRequest(
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password) {
}
