package org.opencrm.contacts.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.point.PointInput;

/**
 * A company card as a client sends it. {@code taxId}: the EDRPOU code (8 digits, checked) or another
 * country's tax number (letters and digits).
 */
public record CompanyState(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20) String taxId,
        @Size(max = 100) String industry,
        UUID ownerId,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 10_000) String notes,
        @Size(max = 100) Map<String, Object> customFields,
        @Size(max = 50) List<@Valid PointInput> points,
        Long version) {

    public List<PointInput> pointsOrEmpty() {
        return points == null ? List.of() : points;
    }
}
