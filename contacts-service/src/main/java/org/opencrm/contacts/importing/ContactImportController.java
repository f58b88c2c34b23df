package org.opencrm.contacts.importing;

import org.opencrm.contacts.customfield.CardType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Contact imports: {@code /api/contacts/imports}. */
@RestController
@RequestMapping(ContactImportController.PATH)
final class ContactImportController extends ImportController {

    static final String PATH = "/api/contacts/imports";

    ContactImportController(CardImports imports) {
        super(imports, CardType.CONTACT, PATH);
    }
}
