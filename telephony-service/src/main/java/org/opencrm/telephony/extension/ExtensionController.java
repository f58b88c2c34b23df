package org.opencrm.telephony.extension;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The extension-to-user map, for an ADMIN (the telephony settings screen). */
@RestController
@RequestMapping(path = "/api/telephony/extensions", produces = "application/json")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Telephony extensions")
class ExtensionController {

    record ExtensionIn(@NotNull UUID userId) {
    }

    private final Extensions extensions;
    private final Directory directory;

    ExtensionController(Extensions extensions, Directory directory) {
        this.extensions = extensions;
        this.directory = directory;
    }

    @GetMapping
    List<Extensions.Mapping> list() {
        return extensions.all();
    }

    @PutMapping("/{extension}")
    @Operation(summary = "Map an extension (digits, 1 to 20) to an active user of the company")
    Extensions.Mapping put(@PathVariable String extension, @Valid @RequestBody ExtensionIn body) {
        if (!extension.matches("[0-9*#]{1,20}")) {
            throw InvalidFieldsException.of("extension", "must be 1 to 20 digits");
        }
        if (!directory.isActive(body.userId())) {
            throw InvalidFieldsException.of("userId", "is not an active user of the company");
        }
        extensions.map(extension, body.userId());
        return new Extensions.Mapping(extension, body.userId());
    }

    @DeleteMapping("/{extension}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String extension) {
        if (!extensions.unmap(extension)) {
            throw new NotFoundException("Extension", extension);
        }
    }
}
