package fr.esante.medimail.identity.directory;

/** Whether the directory knows a FINESS number, as a site or as a legal entity (port). */
public interface StructureDirectory {

    sealed interface StructureAnswer {
        record Known(Structure structure, Long importId) implements StructureAnswer {
        }

        record Unknown(Long importId) implements StructureAnswer {
        }

        record Unavailable(String reason) implements StructureAnswer {
        }
    }

    StructureAnswer findFiness(String finess);
}
