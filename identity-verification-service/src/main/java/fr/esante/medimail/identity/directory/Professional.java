package fr.esante.medimail.identity.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A professional as a directory knows them: names they practise under, whether they are active, and their
 * activities (one per structure and profession).
 *
 * @param identifierType RPPS or ADELI
 * @param identifier     without national prefix
 */
public record Professional(String identifierType, String identifier, String civilityCode, String lastName,
                           String firstName, boolean active, List<PractitionerActivity> activities) {

    public Professional {
        activities = List.copyOf(activities);
    }

    public Set<String> professionCodes() {
        Set<String> codes = new LinkedHashSet<>();
        activities.stream().map(PractitionerActivity::professionCode).filter(Objects::nonNull).forEach(codes::add);
        return codes;
    }

    public List<PractitionerActivity> activitiesOf(String professionCode) {
        return activities.stream().filter(a -> Objects.equals(a.professionCode(), professionCode)).toList();
    }
}
