package org.opencrm.identity.user;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The current company's users (Hibernate's tenant discriminator filters every query). */
public interface UserRepository extends JpaRepository<User, UUID> {
}
