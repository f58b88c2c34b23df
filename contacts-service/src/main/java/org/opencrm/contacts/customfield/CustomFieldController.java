package org.opencrm.contacts.customfield;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.starter.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The custom fields settings screen: everyone reads the definitions, an ADMIN changes them. */
@RestController
@RequestMapping("/api/contacts/custom-fields")
class CustomFieldController {

    private final CustomFields fields;

    CustomFieldController(CustomFields fields) {
        this.fields = fields;
    }

    @GetMapping
    List<CustomFields.Definition> list(@RequestParam CardType entity) {
        CurrentUser.require();
        return fields.of(entity);
    }

    @PostMapping
    ResponseEntity<CustomFields.Definition> define(@Valid @RequestBody CustomFields.NewField field) {
        var created = fields.define(field);
        return ResponseEntity.created(URI.create("/api/contacts/custom-fields/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    CustomFields.Definition change(@PathVariable UUID id, @Valid @RequestBody CustomFields.FieldChange change) {
        return fields.change(id, change);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        fields.remove(id);
    }
}
