package org.opencrm.contacts.point;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A contact point as a client sends it; {@link ContactPoints#normalise} checks and normalises it. */
public record PointInput(
        @NotNull PointKind kind,
        @Size(max = 50) String label,
        @NotBlank @Size(max = 500) String value,
        Boolean primary) {

    public boolean isPrimary() {
        return Boolean.TRUE.equals(primary);
    }
}
