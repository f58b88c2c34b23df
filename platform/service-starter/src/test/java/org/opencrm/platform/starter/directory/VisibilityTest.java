package org.opencrm.platform.starter.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.starter.security.CrmUser;
import org.springframework.security.access.AccessDeniedException;

class VisibilityTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SALES = UUID.randomUUID();
    private final UUID me = UUID.randomUUID();
    private final UUID colleague = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();

    /** A directory in which the sales department (with its sub-departments) holds me and a colleague. */
    private final Directory directory = new Directory(null) {
        @Override
        public List<UUID> membersOf(UUID departmentId) {
            return SALES.equals(departmentId) ? List.of(me, colleague) : List.of();
        }
    };

    private Visibility as(UUID department, String... roles) {
        return Visibility.of(new CrmUser(me, TENANT, Set.of(roles), department), directory);
    }

    @Test
    void anAdministratorAndAMarketerSeeEveryRecordButOnlyTheAdministratorChangesThem() {
        Visibility admin = as(null, "ADMIN");
        Visibility marketer = as(null, "MARKETER");

        assertThat(admin.sees(stranger)).isTrue();
        assertThat(admin.mayChange(stranger)).isTrue();
        assertThat(admin.mayAssignTo(stranger)).isTrue();
        assertThat(marketer.sees(stranger)).isTrue();
        assertThat(marketer.mayChange(stranger)).isFalse();
        assertThat(marketer.mayAssignTo(null)).isFalse();
        assertThatThrownBy(marketer::requireWrite).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("records");
    }

    @Test
    void aManagerSeesTheirOwnAndUnassignedRecordsAndKeepsThemOrLeavesThemUnassigned() {
        Visibility manager = as(SALES, "MANAGER");

        assertThat(manager.sees(me)).isTrue();
        assertThat(manager.sees(null)).isTrue();
        assertThat(manager.sees(colleague)).isFalse();
        assertThat(manager.mayAssignTo(me)).isTrue();
        assertThat(manager.mayAssignTo(null)).isTrue();
        assertThat(manager.mayAssignTo(colleague)).isFalse();
        assertThat(as(null, "OPERATOR").visibleOwners()).contains(List.of(me));
    }

    @Test
    void aSupervisorSeesTheirDepartmentTreeAndHandsRecordsWithinIt() {
        Visibility supervisor = as(SALES, "SUPERVISOR");

        assertThat(supervisor.sees(colleague)).isTrue();
        assertThat(supervisor.sees(stranger)).isFalse();
        assertThat(supervisor.mayAssignTo(colleague)).isTrue();
        assertThat(supervisor.mayAssignTo(stranger)).isFalse();
        assertThat(as(null, "SUPERVISOR").visibleOwners()).contains(List.of(me));
    }

    @Test
    void aDeveloperWorksWithNoRecords() {
        assertThatThrownBy(() -> as(null, "DEVELOPER")).isInstanceOf(AccessDeniedException.class);
    }
}
