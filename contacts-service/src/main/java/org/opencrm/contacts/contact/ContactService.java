package org.opencrm.contacts.contact;

import java.util.Locale;
import java.util.UUID;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads contacts; each change commits together with its event. */
@Service
class ContactService {

    private final ContactRepository contacts;
    private final EventPublisher events;

    ContactService(ContactRepository contacts, EventPublisher events) {
        this.contacts = contacts;
        this.events = events;
    }

    @Transactional
    ContactResponse create(CreateContactRequest request) {
        UUID owner = request.ownerId() != null ? request.ownerId() : CurrentUser.find().map(CrmUser::userId).orElse(null);
        String email = request.email() == null || request.email().isBlank() ? null
                : request.email().trim().toLowerCase(Locale.ROOT);
        var contact = contacts.save(new Contact(request.firstName().trim(), blankToNull(request.lastName()), email,
                blankToNull(request.phone()), owner));
        events.publish(new ContactCreated(contact.id(), contact.firstName(), contact.lastName(), contact.email(),
                contact.phone(), contact.ownerId(), contact.createdAt()));
        return ContactResponse.of(contact);
    }

    @Transactional(readOnly = true)
    ContactResponse get(UUID id) {
        return contacts.findById(id).map(ContactResponse::of).orElseThrow(() -> new NotFoundException("Contact", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
