package org.opencrm.contacts.contact;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    ResponseEntity<ContactResponse> create(@Valid @RequestBody CreateContactRequest request) {
        ContactResponse created = contacts.create(request);
        return ResponseEntity.created(URI.create("/api/contacts/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    ContactResponse get(@PathVariable UUID id) {
        return contacts.get(id);
    }
}
