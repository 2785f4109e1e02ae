package fr.esante.medimail.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deserializer's decoder must read every Avro type exactly as Avro's own decoder does (the platform's
 * contracts use few of them today), including blocked arrays and maps and the skipping of fields that the
 * reader's schema no longer has.
 */
class BoundedBinaryDecoderTest {

    static final Schema ITEM = SchemaBuilder.record("Item").namespace("test").fields()
            .requiredString("code").optionalInt("quantity").endRecord();
    static final Schema ALL_TYPES = SchemaBuilder.record("AllTypes").namespace("test").fields()
            .name("nothing").type().nullType().noDefault()
            .requiredBoolean("flag")
            .requiredInt("smallInt")
            .requiredInt("negativeInt")
            .requiredLong("bigLong")
            .requiredFloat("ratio")
            .requiredDouble("precise")
            .requiredBytes("blob")
            .requiredString("text")
            .name("hash").type().fixed("Hash").namespace("test").size(4).noDefault()
            .name("colour").type().enumeration("Colour").namespace("test").symbols("RED", "GREEN", "BLUE").noDefault()
            .name("numbers").type().array().items().longType().noDefault()
            .name("labels").type().map().values().stringType().noDefault()
            .name("items").type().array().items(ITEM).noDefault()
            .optionalString("maybe")
            .name("choice").type().unionOf().intType().and().stringType().endUnion().noDefault()
            .requiredString("last")
            .endRecord();

    static GenericRecord allTypes() {
        GenericData.Record item1 = new GenericData.Record(ITEM);
        item1.put("code", "A-1");
        item1.put("quantity", 3);
        GenericData.Record item2 = new GenericData.Record(ITEM);
        item2.put("code", "B-2");
        item2.put("quantity", null);
        return new GenericRecordBuilder(ALL_TYPES)
                .set("nothing", null).set("flag", true).set("smallInt", 42).set("negativeInt", Integer.MIN_VALUE)
                .set("bigLong", Long.MAX_VALUE).set("ratio", -1.5f).set("precise", Math.PI)
                .set("blob", ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}))
                .set("text", "Hélène Müller ✓")
                .set("hash", new GenericData.Fixed(ALL_TYPES.getField("hash").schema(), new byte[] {9, 8, 7, 6}))
                .set("colour", new GenericData.EnumSymbol(ALL_TYPES.getField("colour").schema(), "BLUE"))
                .set("numbers", List.of(1L, -2L, 3_000_000_000L, 0L, 5L))
                .set("labels", Map.of("fr", "bonjour", "en", "hello", "oc", "adieu"))
                .set("items", List.of(item1, item2))
                .set("maybe", "present").set("choice", "a string").set("last", "end")
                .build();
    }

    /** Plain encoding, and the blocking encoder's negative block counts followed by byte sizes. */
    static byte[] encode(GenericRecord record, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = blocking
                ? new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null)
                : EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @ParameterizedTest(name = "blocking encoder: {0}")
    @ValueSource(booleans = {false, true})
    void readsEveryTypeAsAvrosOwnDecoderDoes(boolean blocking) throws IOException {
        byte[] bytes = encode(allTypes(), blocking);
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(ALL_TYPES);

        BoundedBinaryDecoder bounded = new BoundedBinaryDecoder(bytes, 0, bytes.length);
        GenericRecord read = reader.read(null, bounded);

        assertThat(bounded.isEnd()).isTrue();
        assertThat(read).isEqualTo(reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null)));
        assertThat(read).isEqualTo(allTypes());
    }

    @ParameterizedTest(name = "blocking encoder: {0}")
    @ValueSource(booleans = {false, true})
    void skipsTheFieldsTheReaderNoLongerHas(boolean blocking) throws IOException {
        byte[] bytes = encode(allTypes(), blocking);
        Schema onlyLast = SchemaBuilder.record("AllTypes").namespace("test").fields().requiredString("last").endRecord();
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(ALL_TYPES, onlyLast);

        BoundedBinaryDecoder bounded = new BoundedBinaryDecoder(bytes, 0, bytes.length);
        GenericRecord read = reader.read(null, bounded);

        assertThat(read.get("last")).isEqualTo(new Utf8("end"));
        assertThat(bounded.isEnd()).as("every skipped byte consumed").isTrue();
    }

    @Test
    void decodesOnlyItsSliceOfTheArray() throws IOException {
        byte[] body = encode(allTypes(), false);
        byte[] framed = new byte[body.length + 7];
        System.arraycopy(body, 0, framed, 5, body.length);

        BoundedBinaryDecoder bounded = new BoundedBinaryDecoder(framed, 5, body.length);
        assertThat(new GenericDatumReader<GenericRecord>(ALL_TYPES).read(null, bounded)).isEqualTo(allTypes());
        assertThat(bounded.isEnd()).isTrue();
    }

    @Test
    void refusesLengthsBeyondTheRecordBeforeAllocating() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeLong(Integer.MAX_VALUE - 8L);
        encoder.writeFixed(new byte[3]);
        encoder.flush();
        byte[] bytes = out.toByteArray();

        assertThatThrownBy(() -> new BoundedBinaryDecoder(bytes, 0, bytes.length).readString(null))
                .isInstanceOf(EOFException.class).hasMessageContaining("2147483639 bytes").hasMessageContaining("3 bytes left");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(bytes, 0, bytes.length).readBytes(null))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new BoundedBinaryDecoder(bytes, 0, bytes.length).readMapStart())
                .isInstanceOf(EOFException.class).hasMessageContaining("map block of 2147483639 items");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(bytes, 0, bytes.length).skipArray())
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[] {1}, 0, 1).readDouble())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void refusesMalformedNumbers() {
        byte[] tooLongInt = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
        byte[] tooLongLong = new byte[11];
        java.util.Arrays.fill(tooLongLong, (byte) 0x80);
        byte[] negativeLength = {3}; // zig-zag -2

        assertThatThrownBy(() -> new BoundedBinaryDecoder(tooLongInt, 0, tooLongInt.length).readInt())
                .hasMessageContaining("invalid int encoding");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(tooLongLong, 0, tooLongLong.length).readLong())
                .hasMessageContaining("invalid long encoding");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(negativeLength, 0, 1).readString())
                .hasMessageContaining("negative string length -2");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[] {2}, 0, 1).readBoolean())
                .hasMessageContaining("boolean");
    }
}
