package org.opencrm.identity.department;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.identity.user.UserRepository;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company structure: departments in a tree, each with a head; changed by administrators only. */
@Service
public class Departments {

    /** A department as listed; the web app builds the tree from the parent ids. */
    record DepartmentView(UUID id, String name, UUID parentId, UUID headUserId, long members, long version) {
    }

    private final DepartmentRepository departments;
    private final UserRepository users;
    private final EventPublisher events;

    Departments(DepartmentRepository departments, UserRepository users, EventPublisher events) {
        this.departments = departments;
        this.users = users;
        this.events = events;
    }

    /** Whether the department exists in the caller's company. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return departments.existsById(id);
    }

    @Transactional(readOnly = true)
    List<DepartmentView> all() {
        Map<UUID, Long> members = new HashMap<>();
        users.countByDepartment().forEach(row -> members.put((UUID) row[0], (Long) row[1]));
        return departments.findAllByOrderByNameAsc().stream().map(d -> new DepartmentView(d.id(), d.name(),
                d.parentId(), d.headUserId(), members.getOrDefault(d.id(), 0L), d.version())).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    DepartmentView create(String name, UUID parentId, UUID headUserId) {
        check(null, parentId, headUserId);
        Department department = save(new Department(name.trim(), parentId, headUserId));
        announce(department);
        return view(department);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    DepartmentView change(UUID id, String name, UUID parentId, UUID headUserId) {
        Department department = find(id);
        check(id, parentId, headUserId);
        department.change(name.trim(), parentId, headUserId);
        Department saved = save(department);
        announce(saved);
        return view(saved);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    void delete(UUID id) {
        Department department = find(id);
        if (departments.existsByParentId(id)) {
            throw new DepartmentConflictException("Move or delete its sub-departments first.");
        }
        if (users.existsByDepartmentId(id)) {
            throw new DepartmentConflictException("Move its members to another department first.");
        }
        departments.delete(department);
        events.publish(new DepartmentDeleted(id, CurrentUser.require().userId(), Instant.now()));
    }

    /** Other services (contacts: what a SUPERVISOR sees) follow the company structure from these events. */
    private void announce(Department d) {
        events.publish(new DepartmentChanged(d.id(), d.name(), d.parentId(), d.headUserId(), d.version(), Instant.now()));
    }

    private void check(UUID id, UUID parentId, UUID headUserId) {
        if (headUserId != null && !users.existsById(headUserId)) {
            throw new NotFoundException("User", headUserId);
        }
        UUID ancestor = parentId;
        while (ancestor != null) {
            if (ancestor.equals(id)) {
                throw new DepartmentConflictException("A department cannot be placed inside itself.");
            }
            ancestor = find(ancestor).parentId();
        }
    }

    private Department save(Department department) {
        try {
            return departments.saveAndFlush(department);
        } catch (DataIntegrityViolationException e) {
            throw new DepartmentConflictException("A department with this name already exists at this place.");
        }
    }

    private Department find(UUID id) {
        return departments.findById(id).orElseThrow(() -> new NotFoundException("Department", id));
    }

    private DepartmentView view(Department d) {
        long members = users.countByDepartment().stream().filter(row -> d.id().equals(row[0]))
                .mapToLong(row -> (Long) row[1]).sum();
        return new DepartmentView(d.id(), d.name(), d.parentId(), d.headUserId(), members, d.version());
    }
}
