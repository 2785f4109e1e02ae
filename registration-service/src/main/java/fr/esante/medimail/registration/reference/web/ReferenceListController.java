package fr.esante.medimail.registration.reference.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.reference.ReferenceLists;

/** GET /api/v1/professions and GET /api/v1/regions: the lists the forms offer (public, cacheable for an hour). */
@RestController
class ReferenceListController {

    private static final CacheControl AN_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final ReferenceLists lists;

    ReferenceListController(ReferenceLists lists) {
        this.lists = lists;
    }

    @GetMapping("/api/v1/professions")
    ResponseEntity<List<ReferenceLists.Profession>> professions() {
        return ResponseEntity.ok().cacheControl(AN_HOUR).body(lists.professions());
    }

    @GetMapping("/api/v1/regions")
    ResponseEntity<List<ReferenceLists.Region>> regions() {
        return ResponseEntity.ok().cacheControl(AN_HOUR).body(lists.regions());
    }
}
