package fr.esante.medimail.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one record held in memory, which never trusts a length read from the data.
 *
 * <p>Avro's own {@code BinaryDecoder} allocates what a length prefix announces (a string's bytes, an array's
 * backing store for a block's item count) before finding out whether the data holds that much: a corrupt or
 * hostile record announcing a 2 GB string or a billion items exhausts the heap of the consumer. Here every
 * length and item count is checked against the bytes left in the record first, so corrupt input ends in an
 * exception after allocating at most the record's own size.
 *
 * <p>An array or map block may announce at most as many items as bytes are left, since every item takes at
 * least one byte. The one exception, an array whose items encode to no bytes at all ({@code null}, an empty
 * record), is refused beyond that size; no platform contract has one.
 */
final class BoundedBinaryDecoder extends Decoder {

    private final byte[] buf;
    private final int limit;
    private int pos;

    BoundedBinaryDecoder(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " outside " + buf.length + " bytes");
        }
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** Whether every byte of the record has been consumed. */
    boolean isEnd() {
        return pos == limit;
    }

    int remaining() {
        return limit - pos;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = readByte();
        if (b != 0 && b != 1) {
            throw new AvroRuntimeException("Malformed data: boolean byte " + b + " is neither 0 nor 1");
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readVarLong(5, "int");
        int zigzag = (int) value;
        if ((value >>> 32) != 0) {
            throw new AvroRuntimeException("Malformed data: invalid int encoding");
        }
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    @Override
    public long readLong() throws IOException {
        long zigzag = readVarLong(10, "long");
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    @Override
    public float readFloat() throws IOException {
        require(4, "a float");
        int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8, "a double");
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = length("string");
        String result = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        int length = length("string"); // not "pos += length(...)": that would add to pos as it was before the length
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length("bytes");
        ByteBuffer result;
        if (old != null && length <= old.capacity()) {
            result = old;
            result.clear();
        } else {
            result = ByteBuffer.allocate(length);
        }
        result.put(buf, pos, length);
        result.flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = length("bytes"); // not "pos += length(...)": that would add to pos as it was before the length
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length, "a fixed of " + length + " bytes");
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length, "a fixed of " + length + " bytes");
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return itemCount("array");
    }

    @Override
    public long arrayNext() throws IOException {
        return itemCount("array");
    }

    @Override
    public long skipArray() throws IOException {
        return skipItems("array");
    }

    @Override
    public long readMapStart() throws IOException {
        return itemCount("map");
    }

    @Override
    public long mapNext() throws IOException {
        return itemCount("map");
    }

    @Override
    public long skipMap() throws IOException {
        return skipItems("map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    private int readByte() throws IOException {
        require(1, "a byte");
        return buf[pos++] & 0xff;
    }

    private long readVarLong(int maxBytes, String what) throws IOException {
        long value = 0;
        for (int shift = 0, i = 0; i < maxBytes; i++, shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new AvroRuntimeException("Malformed data: invalid " + what + " encoding (more than " + maxBytes + " bytes)");
    }

    /** A string or bytes length, checked against what is left before anything is allocated. */
    private int length(String what) throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new AvroRuntimeException("Malformed data: negative " + what + " length " + length);
        }
        require(length, "a " + what + " of " + length + " bytes");
        return (int) length;
    }

    /** A block's item count; a negative count is followed by the block's size in bytes. */
    private long itemCount(String what) throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new AvroRuntimeException("Malformed data: " + what + " block count " + count);
            }
            long blockSize = readLong();
            if (blockSize < 0) {
                throw new AvroRuntimeException("Malformed data: negative " + what + " block size " + blockSize);
            }
            count = -count;
        }
        if (count > remaining()) {
            throw new EOFException("Corrupt data: an " + what + " block of " + count + " items announced with only "
                    + remaining() + " bytes left in the record");
        }
        return count;
    }

    private long skipItems(String what) throws IOException {
        long count = readLong();
        while (count < 0) {
            long blockSize = readLong();
            if (blockSize < 0) {
                throw new AvroRuntimeException("Malformed data: negative " + what + " block size " + blockSize);
            }
            require(blockSize, "an " + what + " block of " + blockSize + " bytes");
            pos += (int) blockSize;
            count = readLong();
        }
        if (count > remaining()) {
            throw new EOFException("Corrupt data: an " + what + " block of " + count + " items announced with only "
                    + remaining() + " bytes left in the record");
        }
        return count;
    }

    private void require(long length, String what) throws EOFException {
        if (length > remaining()) {
            throw new EOFException("Corrupt or truncated data: " + what + " announced with only " + remaining()
                    + " bytes left in the record");
        }
    }
}
