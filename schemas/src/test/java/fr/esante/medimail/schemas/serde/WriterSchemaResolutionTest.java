package fr.esante.medimail.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.IdentityVerified;
import fr.esante.medimail.events.ProfessionalProfileSubmitted;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.schemas.registry.InMemorySchemaRegistry;

/**
 * Records already on a topic were written with an older schema; after a compatible change consumers built
 * with the new generated classes must still read them (Avro schema resolution, writer = old, reader = new).
 * And a consumer not yet redeployed must read what a newer producer writes, skipping fields it does not know.
 */
class WriterSchemaResolutionTest {

    private final String scope = "evolution-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);
    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void aProfileWrittenBeforeDirectoryVisibleAndPaperlessExistedReadsWithTheirDefaults() {
        Schema older = without(ProfessionalProfileSubmitted.getClassSchema(), "directoryVisible", "paperless");
        UUID eventId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        GenericRecord address = new GenericRecordBuilder(older.getField("address").schema())
                .set("line", "1 place du Capitole").set("postalCode", "31000").set("city", "Toulouse")
                .set("region", "76").set("department", "31").build();
        GenericRecord oldRecord = new GenericRecordBuilder(older)
                .set("eventId", eventId.toString()).set("accountId", accountId.toString())
                .set("occurredAt", 1_700_000_000_123L)
                .set("lastName", "Dupont").set("firstName", "Hélène").set("email", "helene@example.org")
                .set("path", "NATIONAL_ID").set("identifierType", "RPPS").set("identifier", "10101010101")
                .set("profession", "10").set("specialty", null).set("liberal", true).set("phone", "0561000000")
                .set("secondPhone", null).set("address", address).set("organisationName", null).set("serviceName", null)
                .build();
        byte[] oldWire = serializer().serialize(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(), oldRecord);
        // The new version is registered afterwards (BACKWARD accepts it: it can read the old records).
        byte[] newWire = serializer().serialize(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(),
                fr.esante.medimail.schemas.SampleEvents.sample(ProfessionalProfileSubmitted.class));
        assertThat(WireFormat.schemaId(newWire)).isNotEqualTo(WireFormat.schemaId(oldWire));

        ProfessionalProfileSubmitted read = Topics.PROFESSIONAL_PROFILE_SUBMITTED.valueDeserializer(config)
                .deserialize(Topics.PROFESSIONAL_PROFILE_SUBMITTED.name(), oldWire);

        assertThat(read.getDirectoryVisible()).isTrue();
        assertThat(read.getPaperless()).isTrue();
        assertThat(read.getEventId()).isEqualTo(eventId);
        assertThat(read.getAccountId()).isEqualTo(accountId);
        assertThat(read.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(read.getFirstName()).isEqualTo("Hélène");
        assertThat(read.getAddress().getCity()).isEqualTo("Toulouse");
        assertThat(read.getAddress().getDepartment()).isEqualTo("31");
        assertThat(read.getSpecialty()).isNull();
        assertThat(registry.latest(Topics.PROFESSIONAL_PROFILE_SUBMITTED.valueSubject()).version()).isEqualTo(2);
    }

    @Test
    void anIdentityVerifiedWrittenBeforeActivitiesExistedReadsWithAnEmptyList() {
        Schema older = without(IdentityVerified.getClassSchema(), "activities", "specialties");
        GenericRecord oldRecord = new GenericRecordBuilder(older)
                .set("eventId", UUID.randomUUID().toString()).set("accountId", UUID.randomUUID().toString())
                .set("occurredAt", 0L).set("lastName", "Martin").set("firstName", "Paul").set("profession", "10")
                .set("identifierType", "RPPS").set("identifier", "10101010101").set("mailboxType", "PER")
                .set("structureIdentifier", null).set("source", "LIVE_DIRECTORY").build();
        byte[] oldWire = serializer().serialize(Topics.IDENTITY_VERIFIED.name(), oldRecord);

        IdentityVerified read = Topics.IDENTITY_VERIFIED.valueDeserializer(config).deserialize(Topics.IDENTITY_VERIFIED.name(), oldWire);

        assertThat(read.getActivities()).isEmpty();
        assertThat(read.getSpecialties()).isEmpty();
        assertThat(read.getLastName()).isEqualTo("Martin");
        assertThat(read.getSource()).isEqualTo("LIVE_DIRECTORY");
    }

    @Test
    void aConsumerNotYetRedeployedSkipsTheFieldsANewerProducerAdded() {
        Schema current = AccountRejected.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : current.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
            if (f.name().equals("email")) {
                // New fields in the middle of the record, of the kinds whose skipping moves through the bytes.
                fields.add(new Schema.Field("emailVerifiedBy", Schema.create(Schema.Type.STRING), null, "unknown"));
                fields.add(new Schema.Field("attachments", Schema.createArray(Schema.create(Schema.Type.STRING)), null, List.of()));
                fields.add(new Schema.Field("score", Schema.create(Schema.Type.DOUBLE), null, 0.0));
            }
        }
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        UUID accountId = UUID.randomUUID();
        GenericRecord newerRecord = new GenericRecordBuilder(newer)
                .set("eventId", UUID.randomUUID().toString()).set("accountId", accountId.toString())
                .set("occurredAt", 1_700_000_000_000L).set("email", "paul@example.org")
                .set("emailVerifiedBy", "a rather long value that must be skipped entirely, accents included: éèà")
                .set("attachments", List.of("one", "two", "three")).set("score", 0.75)
                .set("firstName", "Paul").set("reason", "Identifiant inconnu").set("rejectedBy", "agent").build();
        byte[] wire = serializer().serialize(Topics.ACCOUNT_REJECTED.name(), newerRecord);

        AccountRejected read = Topics.ACCOUNT_REJECTED.valueDeserializer(config).deserialize(Topics.ACCOUNT_REJECTED.name(), wire);

        assertThat(read.getAccountId()).isEqualTo(accountId);
        assertThat(read.getEmail()).isEqualTo("paul@example.org");
        assertThat(read.getFirstName()).isEqualTo("Paul");
        assertThat(read.getReason()).isEqualTo("Identifiant inconnu");
        assertThat(read.getRejectedBy()).isEqualTo("agent");
    }

    private AvroSerializer serializer() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    /** The same record without some fields: what the schema looked like before they were added. */
    static Schema without(Schema schema, String... removed) {
        List<String> gone = List.of(removed);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            if (!gone.contains(f.name())) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        Schema older = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        assertThat(older.getFields()).hasSize(schema.getFields().size() - removed.length);
        return older;
    }
}
