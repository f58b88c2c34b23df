package org.opencrm.identity.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The current company's users (Hibernate's tenant discriminator filters every query). */
public interface UserRepository extends JpaRepository<User, UUID> {

    /** A page of the directory after the given position, newest first, optionally matching a text. */
    @Query("""
            select u from User u
            where (lower(u.email) like :pattern or lower(u.firstName) like :pattern or lower(u.lastName) like :pattern)
              and (u.createdAt < :createdAt or (u.createdAt = :createdAt and u.id < :id))
            order by u.createdAt desc, u.id desc
            """)
    List<User> findPage(String pattern, Instant createdAt, UUID id, Limit limit);

    /** Members per department, for the company structure. */
    @Query("select u.departmentId, count(u) from User u where u.departmentId is not null group by u.departmentId")
    List<Object[]> countByDepartment();

    boolean existsByDepartmentId(UUID departmentId);

    @Query("select count(u) from User u where u.role = org.opencrm.identity.user.Role.ADMIN "
            + "and u.status = org.opencrm.identity.user.UserStatus.ACTIVE")
    long countActiveAdmins();
}
