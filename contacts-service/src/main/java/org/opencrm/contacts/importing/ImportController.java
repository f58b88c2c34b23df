package org.opencrm.contacts.importing;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Contact imports over HTTP: upload, start, progress, cancel, the report of refused rows. */
@RestController
@RequestMapping("/api/contacts/imports")
class ImportController {

    private final ContactImports imports;

    ImportController(ContactImports imports) {
        this.imports = imports;
    }

    /** A CSV (UTF-8, comma, semicolon or tab) or XLSX file in the part {@code file}: its columns, preview and suggested mapping. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> upload(@RequestParam("file") MultipartFile file) {
        ImportView uploaded = imports.upload(file);
        return ResponseEntity.created(URI.create("/api/contacts/imports/" + uploaded.id())).body(uploaded);
    }

    /** Starts the import in the background; poll {@code GET /api/contacts/imports/{id}} for its progress. */
    @PostMapping("/{id}/start")
    ResponseEntity<ImportView> start(@PathVariable UUID id, @Valid @RequestBody StartImport request) {
        return ResponseEntity.accepted().body(imports.start(id, request));
    }

    @GetMapping("/{id}")
    ImportView get(@PathVariable UUID id) {
        return imports.get(id);
    }

    /** Stops a running import (it rolls back: nothing of it stays) or drops one not started. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<ImportView> cancel(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(imports.cancel(id));
    }

    @GetMapping("/{id}/rejected")
    ResponseEntity<StreamingResponseBody> rejected(@PathVariable UUID id) {
        var job = imports.completed(id);
        String name = job.fileName().replaceFirst("\\.[^.]*$", "") + "-rejected.csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
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
