package org.opencrm.identity.user;

import java.util.UUID;
import org.opencrm.identity.tenant.TenantRepository;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: their profile, role and company, for the web app's shell. */
@RestController
class MeController {

    record Company(UUID id, String name) {
    }

    record Me(UUID id, String email, String firstName, String lastName, String patronymic, Role role,
            UUID departmentId, UserStatus status, Company company) {
    }

    private final UserRepository users;
    private final TenantRepository tenants;

    MeController(UserRepository users, TenantRepository tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    @GetMapping("/api/identity/me")
    @Transactional(readOnly = true)
    Me me() {
        CrmUser caller = CurrentUser.require();
        User user = users.findById(caller.userId()).orElseThrow(() -> new NotFoundException("User", caller.userId()));
        var tenant = tenants.findById(caller.tenantId()).orElseThrow(() -> new NotFoundException("Company", caller.tenantId()));
        return new Me(user.id(), user.email(), user.firstName(), user.lastName(), user.patronymic(), user.role(),
                user.departmentId(), user.status(), new Company(tenant.id(), tenant.name()));
    }
}
