package org.opencrm.contacts.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.point.PointInput;

/**
 * Everything a contact card holds, as a client sends it: the body of create and replace, and what a merge
 * patch is applied to. {@code version}, when given, must be the card's current one (a stale edit is 409).
 */
public record ContactState(
        ContactKind kind,
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String middleName,
        @Size(max = 100) String lastName,
        @Past LocalDate birthDate,
        @Size(max = 100) String position,
        UUID ownerId,
        Boolean vip,
        @Size(max = 100) String source,
        ContactStatus status,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        Boolean newsConsent,
        @Size(max = 200) String paymentPreference,
        @Size(max = 200) String deliveryPreference,
        @Size(max = 10_000) String notes,
        @Size(max = 100) Map<String, Object> customFields,
        @Size(max = 50) List<@Valid PointInput> points,
        Long version) {

    public List<PointInput> pointsOrEmpty() {
        return points == null ? List.of() : points;
    }
}
