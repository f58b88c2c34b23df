package org.opencrm.identity.department;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/departments")
class DepartmentController {

    record DepartmentRequest(@NotBlank @Size(max = 100) String name, UUID parentId, UUID headUserId) {
    }

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping
    List<Departments.DepartmentView> all() {
        return departments.all();
    }

    @PostMapping
    ResponseEntity<Departments.DepartmentView> create(@Valid @RequestBody DepartmentRequest request) {
        var created = departments.create(request.name(), request.parentId(), request.headUserId());
        return ResponseEntity.created(URI.create("/api/identity/departments/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Departments.DepartmentView change(@PathVariable UUID id, @Valid @RequestBody DepartmentRequest request) {
        return departments.change(id, request.name(), request.parentId(), request.headUserId());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        departments.delete(id);
    }

    @ExceptionHandler(DepartmentConflictException.class)
    ProblemDetail conflict(DepartmentConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("/problems/conflict"));
        return problem;
    }
}
