package org.opencrm.identity.department;

/** A change that would break the structure: a cycle, a sibling with the same name, or a department in use. */
class DepartmentConflictException extends RuntimeException {

    DepartmentConflictException(String message) {
        super(message);
    }
}
