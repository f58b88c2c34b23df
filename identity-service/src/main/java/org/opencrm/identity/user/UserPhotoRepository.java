package org.opencrm.identity.user;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserPhotoRepository extends JpaRepository<UserPhoto, UUID> {
}
