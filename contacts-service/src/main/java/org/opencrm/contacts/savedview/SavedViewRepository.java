package org.opencrm.contacts.savedview;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedViewRepository extends JpaRepository<SavedView, UUID> {

    List<SavedView> findByUserIdAndListOrderByName(UUID userId, String list);

    boolean existsByUserIdAndListAndName(UUID userId, String list, String name);
}
