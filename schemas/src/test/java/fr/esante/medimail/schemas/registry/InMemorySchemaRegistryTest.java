package fr.esante.medimail.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.AccountRejected;
import fr.esante.medimail.events.EmailConfirmed;

/** The mock:// registry must refuse what the real one would, or tests pass that production fails. */
class InMemorySchemaRegistryTest {

    private static final String SUBJECT = "medimail.account-rejected.v1-value";
    private final String scope = "in-memory-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void aNewRequiredFieldWithoutDefaultIsIncompatibleUnderTheDefaultBackwardLevel() {
        int v1 = registry.register(SUBJECT, AccountRejected.getClassSchema());

        assertThatThrownBy(() -> registry.register(SUBJECT, withField(AccountRejected.getClassSchema(),
                new Schema.Field("reviewerEmail", Schema.create(Schema.Type.STRING), null, (Object) null))))
                .isInstanceOfSatisfying(SchemaRegistryException.IncompatibleSchema.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining(SUBJECT);
        assertThat(registry.latest(SUBJECT).id()).isEqualTo(v1);
        assertThat(registry.latest(SUBJECT).version()).isEqualTo(1);
    }

    @Test
    void aNewFieldWithADefaultIsABackwardCompatibleNewVersion() {
        int v1 = registry.register(SUBJECT, AccountRejected.getClassSchema());
        Schema v2Schema = withField(AccountRejected.getClassSchema(), new Schema.Field("reviewerEmail",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
                Schema.Field.NULL_DEFAULT_VALUE));

        assertThat(registry.isCompatibleWithLatest(SUBJECT, v2Schema)).isTrue();
        int v2 = registry.register(SUBJECT, v2Schema);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.latest(SUBJECT)).isEqualTo(new SchemaRegistryClient.RegisteredSchema(SUBJECT, v2, 2, v2Schema));
        assertThat(registry.schemaById(v1)).isEqualTo(AccountRejected.getClassSchema());
        assertThat(registry.lookUp(SUBJECT, AccountRejected.getClassSchema())).isEqualTo(v1);
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameIdAndNoNewVersion() {
        int id = registry.register(SUBJECT, AccountRejected.getClassSchema());

        assertThat(registry.register(SUBJECT, AccountRejected.getClassSchema())).isEqualTo(id);
        assertThat(registry.latest(SUBJECT).version()).isEqualTo(1);
        // The same schema under another subject keeps its global id, as in Confluent's registry.
        assertThat(registry.register("other-subject", AccountRejected.getClassSchema())).isEqualTo(id);
    }

    @Test
    void compatibilityLevelsAreHonoured() {
        Schema v1 = AccountRejected.getClassSchema();
        Schema withoutRejectedBy = withoutLastField(v1);
        registry.register(SUBJECT, v1);

        // Removing a field without default: BACKWARD accepts (the new schema ignores it), FORWARD and FULL do not.
        assertThat(registry.isCompatibleWithLatest(SUBJECT, withoutRejectedBy)).isTrue();
        registry.setCompatibility(SUBJECT, "FORWARD");
        assertThat(registry.isCompatibleWithLatest(SUBJECT, withoutRejectedBy)).isFalse();
        registry.setCompatibility(SUBJECT, "FULL");
        assertThatThrownBy(() -> registry.register(SUBJECT, withoutRejectedBy))
                .isInstanceOf(SchemaRegistryException.IncompatibleSchema.class);
        registry.setCompatibility(SUBJECT, "NONE");
        assertThat(registry.isCompatibleWithLatest(SUBJECT, EmailConfirmed.getClassSchema())).isTrue();
    }

    @Test
    void unknownSubjectsSchemasAndIdsAreNotFound() {
        assertThatThrownBy(() -> registry.latest(SUBJECT)).isInstanceOfSatisfying(SchemaRegistryException.NotFound.class,
                e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.lookUp(SUBJECT, AccountRejected.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.NotFound.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        registry.register(SUBJECT, AccountRejected.getClassSchema());
        assertThatThrownBy(() -> registry.lookUp(SUBJECT, EmailConfirmed.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.NotFound.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.schemaById(999)).isInstanceOfSatisfying(SchemaRegistryException.NotFound.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void scopesAreSeparateRegistries() {
        String otherScope = scope + "-other";
        try {
            assertThat(InMemorySchemaRegistry.forScope(scope)).isSameAs(registry);
            assertThat(InMemorySchemaRegistry.forScope(otherScope)).isNotSameAs(registry);
            registry.register(SUBJECT, AccountRejected.getClassSchema());
            assertThatThrownBy(() -> InMemorySchemaRegistry.forScope(otherScope).latest(SUBJECT))
                    .isInstanceOf(SchemaRegistryException.NotFound.class);
        } finally {
            InMemorySchemaRegistry.dropScope(otherScope);
        }
    }

    private static Schema withField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = copyFields(schema);
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withoutLastField(Schema schema) {
        List<Schema.Field> fields = copyFields(schema);
        fields.remove(fields.size() - 1);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static List<Schema.Field> copyFields(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        return fields;
    }
}
