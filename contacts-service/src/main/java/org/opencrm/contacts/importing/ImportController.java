package org.opencrm.contacts.importing;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.importing.ImportRequests.ImportView;
import org.opencrm.contacts.importing.ImportRequests.StartImport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Imports over HTTP: upload, start, progress, cancel, the report of refused rows. The same endpoints for
 * each kind of card, under its own path: {@link ContactImportController}, {@link CompanyImportController}.
 */
abstract sealed class ImportController permits ContactImportController, CompanyImportController {

    private final CardImports imports;
    private final CardType card;
    private final String path;

    ImportController(CardImports imports, CardType card, String path) {
        this.imports = imports;
        this.card = card;
        this.path = path;
    }

    /** A CSV (UTF-8, comma, semicolon or tab) or XLSX file in the part {@code file}: its columns, preview and suggested mapping. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> upload(@RequestParam("file") MultipartFile file) {
        ImportView uploaded = imports.upload(card, file);
        return ResponseEntity.created(URI.create(path + "/" + uploaded.id())).body(uploaded);
    }

    /** Starts the import in the background; poll {@code GET .../imports/{id}} for its progress. */
    @PostMapping("/{id}/start")
    ResponseEntity<ImportView> start(@PathVariable UUID id, @Valid @RequestBody StartImport request) {
        return ResponseEntity.accepted().body(imports.start(card, id, request));
    }

    @GetMapping("/{id}")
    ImportView get(@PathVariable UUID id) {
        return imports.get(card, id);
    }

    /** Stops a running import (it rolls back: nothing of it stays) or drops one not started. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<ImportView> cancel(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(imports.cancel(card, id));
    }

    @GetMapping("/{id}/rejected")
    ResponseEntity<StreamingResponseBody> rejected(@PathVariable UUID id) {
        var job = imports.completed(card, id);
        String name = job.fileName().replaceFirst("\\.[^.]*$", "") + "-rejected.csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(out -> imports.writeRejected(job, out));
    }

    @ExceptionHandler(ImportStateException.class)
    ProblemDetail state(ImportStateException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("/problems/import-state"));
        problem.setTitle("Not in this state of the import");
        return problem;
    }
}
