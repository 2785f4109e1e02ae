package fr.esante.medimail.schemas.serde;

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary datum. */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** The schema id of a record value in wire format, or an exception saying why it is not one. */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            throw new InvalidWireFormatException("Record of " + payload.length
                    + " bytes is too short for the Confluent wire format (magic byte + 4-byte schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new InvalidWireFormatException("Unknown magic byte " + String.format("0x%02x", payload[0] & 0xff)
                    + " (expected 0x00): not a record in the Confluent wire format");
        }
        return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
    }

    public static final class InvalidWireFormatException extends RuntimeException {
        public InvalidWireFormatException(String message) {
            super(message);
        }
    }
}
