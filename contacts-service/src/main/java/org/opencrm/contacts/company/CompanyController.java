package org.opencrm.contacts.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.history.Change;
import org.opencrm.contacts.history.History;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Companies over HTTP: the list and search, the card, its history and its contact persons. */
@RestController
class CompanyController {

    private final CompanyService companies;
    private final CompanySearch search;
    private final Members members;
    private final History history;
    private final CustomFields customFields;

    CompanyController(CompanyService companies, CompanySearch search, Members members, History history,
            CustomFields customFields) {
        this.customFields = customFields;
        this.companies = companies;
        this.search = search;
        this.members = members;
        this.history = history;
    }

    @GetMapping("/api/companies")
    CompanySearch.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) List<String> tag, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
            @RequestParam MultiValueMap<String, String> all) {
        return search.page(q, owner, tag, customFields.filter(CardType.COMPANY, all), sort, cursor, limit,
                companies.visibility());
    }

    @PostMapping("/api/companies")
    ResponseEntity<CompanyView> create(@Valid @RequestBody CompanyState state) {
        CompanyView created = companies.create(state);
        return ResponseEntity.created(URI.create("/api/companies/" + created.id())).body(created);
    }

    @GetMapping("/api/companies/{id}")
    CompanyView get(@PathVariable UUID id) {
        return companies.get(id);
    }

    @PutMapping("/api/companies/{id}")
    CompanyView replace(@PathVariable UUID id, @Valid @RequestBody CompanyState state) {
        return companies.replace(id, state);
    }

    @PatchMapping(path = "/api/companies/{id}", consumes = {"application/merge-patch+json", "application/json"})
    CompanyView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return companies.patch(id, patch);
    }

    @DeleteMapping("/api/companies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        companies.delete(id);
    }

    /** Hands companies to another owner, or to nobody. */
    record Assignment(@NotEmpty @Size(max = 500) List<UUID> ids, UUID ownerId) {
    }

    @PostMapping("/api/companies/assign")
    List<CompanyView> assign(@Valid @RequestBody Assignment assignment) {
        return companies.assign(assignment.ids(), assignment.ownerId());
    }

    @GetMapping("/api/companies/{id}/history")
    List<Change> history(@PathVariable UUID id) {
        companies.get(id);
        List<UUID> cards = new ArrayList<>(List.of(id));
        cards.addAll(companies.mergedInto(id));
        return history.of(Company.class, cards, CompanyController::historyFields);
    }

    private static Map<String, Object> historyFields(Company c) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", c.name());
        fields.put("taxId", c.taxId());
        fields.put("industry", c.industry());
        fields.put("ownerId", c.ownerId());
        fields.put("tags", c.tags());
        fields.put("points", c.points().stream().map(Object::toString).toList());
        fields.put("notes", c.notes());
        fields.put("customFields", c.customFields());
        return fields;
    }

    /** A contact person joins the company, or changes position there. */
    record Membership(@NotNull UUID contactId, @Size(max = 100) String position) {
    }

    @GetMapping("/api/companies/{id}/members")
    List<Members.Person> members(@PathVariable UUID id) {
        return members.of(id);
    }

    @PostMapping("/api/companies/{id}/members")
    Members.Person link(@PathVariable UUID id, @Valid @RequestBody Membership membership) {
        return members.link(id, membership.contactId(), membership.position());
    }

    @DeleteMapping("/api/companies/{id}/members/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable UUID id, @PathVariable UUID contactId) {
        members.unlink(id, contactId);
    }

    /** The companies a contact works for, for the contact card. */
    @GetMapping("/api/contacts/{id}/companies")
    List<Members.Workplace> workplaces(@PathVariable UUID id) {
        return members.workplacesOf(id);
    }
}
