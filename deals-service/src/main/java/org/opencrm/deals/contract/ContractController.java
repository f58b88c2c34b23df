package org.opencrm.deals.contract;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** Contracts over HTTP, and each one's document (multipart part {@code file}). */
@RestController
@RequestMapping("/api/deals/contracts")
class ContractController {

    private final Contracts contracts;

    ContractController(Contracts contracts) {
        this.contracts = contracts;
    }

    @GetMapping
    Contracts.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) ContractStatus status,
            @RequestParam(required = false) UUID contactId, @RequestParam(required = false) UUID companyId,
            @RequestParam(required = false) UUID productId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return contracts.list(new Contracts.Filter(q, status, contactId, companyId, productId, ownerId), cursor, limit);
    }

    @GetMapping("/{id}")
    Contracts.View get(@PathVariable UUID id) {
        return contracts.get(id);
    }

    @PostMapping
    ResponseEntity<Contracts.View> create(@Valid @RequestBody Contracts.State state) {
        Contracts.View created = contracts.create(state);
        return ResponseEntity.created(URI.create("/api/deals/contracts/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    Contracts.View patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return contracts.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        contracts.delete(id);
    }

    /** A PDF, DOC, DOCX or ODT file; the contract as it is now, describing its document. */
    @PutMapping(path = "/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Contracts.View attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file) {
        return contracts.attach(id, file);
    }

    /** The document as it was uploaded, as an attachment under its name; its SHA-256 is the ETag. */
    @GetMapping("/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        Contracts.StoredDocument document = contracts.document(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.filename(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(document.sha256())
                .body(document.data());
    }

    @DeleteMapping("/{id}/document")
    Contracts.View detach(@PathVariable UUID id) {
        return contracts.detach(id);
    }

    @ExceptionHandler(DocumentTooLargeException.class)
    ProblemDetail tooLarge(DocumentTooLargeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
        problem.setType(URI.create("/problems/document-too-large"));
        problem.setTitle("Document too large");
        problem.setProperties(Map.of("errors", List.of(new FieldProblem("file",
                "is larger than " + ex.limit().toMegabytes() + " MB"))));
        return problem;
    }
}
