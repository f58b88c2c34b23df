package org.opencrm.contacts.importing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.contacts.point.SearchText;

/**
 * The owner a cell of an imported row names: a user's id, or their name as the directory knows it, in
 * either order ("Kovalenko Olena", as the export writes it, or "Olena Kovalenko"). The rules are the card
 * API's: an active user of the company, or the importing user, whom the importing user may hand cards to.
 */
final class Owners {

    private static final Pattern ID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Visibility visibility;
    private final Set<UUID> active = new LinkedHashSet<>();
    private final Map<String, Set<UUID>> byName = new HashMap<>();

    /** The company's active members, read once for the import. */
    Owners(List<Directory.Member> members, Visibility visibility) {
        this.visibility = visibility;
        for (Directory.Member member : members) {
            if (!member.active()) {
                continue;
            }
            active.add(member.id());
            for (String name : List.of(SearchText.of(member.lastName(), member.firstName()),
                    SearchText.of(member.firstName(), member.lastName()))) {
                if (!name.isEmpty()) {
                    byName.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(member.id());
                }
            }
        }
    }

    /** The owner the cell names, or null with the reason added. */
    UUID resolve(String column, String cell, List<String> reasons) {
        UUID owner;
        if (ID.matcher(cell).matches()) {
            owner = UUID.fromString(cell);
            if (!owner.equals(visibility.user().userId()) && !active.contains(owner)) {
                reasons.add(column + ": \"" + cell + "\" is not an active user of the company");
                return null;
            }
        } else {
            Set<UUID> named = byName.getOrDefault(SearchText.of(cell), Set.of());
            if (named.isEmpty()) {
                reasons.add(column + ": \"" + cell + "\" is not an active user of the company");
                return null;
            }
            if (named.size() > 1) {
                reasons.add(column + ": \"" + cell + "\" is the name of several users; give the user's id");
                return null;
            }
            owner = named.iterator().next();
        }
        if (!visibility.mayAssignTo(owner)) {
            reasons.add(column + ": you may not hand companies to \"" + cell + "\"");
            return null;
        }
        return owner;
    }
}
