package org.opencrm.contacts.importing;

import org.opencrm.contacts.customfield.CardType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Company imports: {@code /api/companies/imports}, the fields of {@link CompanyField}. */
@RestController
@RequestMapping(CompanyImportController.PATH)
final class CompanyImportController extends ImportController {

    static final String PATH = "/api/companies/imports";

    CompanyImportController(CardImports imports) {
        super(imports, CardType.COMPANY, PATH);
    }
}
