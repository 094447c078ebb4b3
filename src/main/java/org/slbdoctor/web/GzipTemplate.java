package org.slbdoctor.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Fixed byte parts kept deflated, with holes between them that are filled per response. It writes
 * either a gzip member (RFC 1952) built from the kept deflated parts without compressing anything
 * again, or the plain bytes (inflated per response) for clients that do not accept gzip.
 *
 * <p>Each part is deflated on its own and ends on a byte boundary (a sync flush), and a hole's value
 * goes in as a stored (uncompressed) block between two parts. So a value is never compressed
 * together with the page around it, which may show back what a user typed: the per-session secret
 * in a hole (the CSRF token) cannot be guessed through the response's length (BREACH). The gzip
 * checksum of a response is combined from the parts' kept checksums and the values' own.
 */
final class GzipTemplate {

    /** ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;
    private static final int STORED_MAX = 65_535;
    private static final int STORED_HEADER = 5;

    private final List<byte[]> deflated;
    private final int[] lengths;
    private final int[] crcs;
    /** Per part, x^(8 * length) mod the CRC polynomial: what combining a checksum over that part multiplies by. */
    private final int[] shifts;
    private final int plainBytes;
    private final int deflatedBytes;

    private GzipTemplate(List<byte[]> deflated, int[] lengths, int[] crcs) {
        this.deflated = deflated;
        this.lengths = lengths;
        this.crcs = crcs;
        this.shifts = new int[lengths.length];
        int plain = 0;
        int packed = 0;
        for (int i = 0; i < lengths.length; i++) {
            shifts[i] = Crc32Combine.shift(lengths[i]);
            plain += lengths[i];
            packed += deflated.get(i).length;
        }
        this.plainBytes = plain;
        this.deflatedBytes = packed;
    }

    /** Deflates {@code parts}; holes go between consecutive parts, so there are {@code parts.size() - 1}. */
    static GzipTemplate of(List<byte[]> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("at least one part");
        }
        List<byte[]> deflated = new ArrayList<>(parts.size());
        int[] lengths = new int[parts.size()];
        int[] crcs = new int[parts.size()];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            for (int i = 0; i < parts.size(); i++) {
                byte[] part = parts.get(i);
                deflated.add(deflate(deflater, part, i == parts.size() - 1));
                lengths[i] = part.length;
                CRC32 crc = new CRC32();
                crc.update(part);
                crcs[i] = (int) crc.getValue();
                deflater.reset();
            }
        } finally {
            deflater.end();
        }
        return new GzipTemplate(List.copyOf(deflated), lengths, crcs);
    }

    int holes() {
        return lengths.length - 1;
    }

    /** What keeping this costs: the deflated parts and their bookkeeping. */
    int keptBytes() {
        return deflatedBytes + lengths.length * 48;
    }

    int plainLength(byte[][] values) {
        return plainBytes + sum(values);
    }

    int gzipLength(byte[][] values) {
        int length = HEADER.length + deflatedBytes + TRAILER;
        for (byte[] value : checked(values)) {
            length += value.length + STORED_HEADER * storedBlocks(value.length);
        }
        return length;
    }

    /** The plain bytes, parts inflated, {@code values[i]} in hole i. */
    void writePlain(OutputStream out, byte[][] values) throws IOException {
        checked(values);
        Inflater inflater = new Inflater(true);
        try {
            for (int i = 0; i < lengths.length; i++) {
                byte[] plain = new byte[lengths[i]];
                inflater.setInput(deflated.get(i));
                int at = 0;
                while (at < plain.length) {
                    int n = inflater.inflate(plain, at, plain.length - at);
                    if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                        throw new IllegalStateException("kept part " + i + " inflates to " + at + " of " + plain.length + " bytes");
                    }
                    at += n;
                }
                out.write(plain);
                if (i < values.length) {
                    out.write(values[i]);
                }
                inflater.reset();
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("kept part does not inflate", e);
        } finally {
            inflater.end();
        }
    }

    /** A gzip member whose content is what {@link #writePlain} writes. */
    void writeGzip(OutputStream out, byte[][] values) throws IOException {
        checked(values);
        out.write(HEADER);
        int crc = 0;
        for (int i = 0; i < lengths.length; i++) {
            out.write(deflated.get(i));
            crc = Crc32Combine.combine(crc, crcs[i], shifts[i]);
            if (i < values.length) {
                writeStored(out, values[i]);
                CRC32 own = new CRC32();
                own.update(values[i]);
                crc = Crc32Combine.combine(crc, (int) own.getValue(), Crc32Combine.shift(values[i].length));
            }
        }
        int size = plainLength(values);
        out.write(new byte[] {(byte) crc, (byte) (crc >>> 8), (byte) (crc >>> 16), (byte) (crc >>> 24),
                (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
    }

    private byte[][] checked(byte[][] values) {
        if (values.length != holes()) {
            throw new IllegalArgumentException(values.length + " values for " + holes() + " holes");
        }
        return values;
    }

    private static int sum(byte[][] values) {
        int n = 0;
        for (byte[] value : values) {
            n += value.length;
        }
        return n;
    }

    private static int storedBlocks(int length) {
        return (length + STORED_MAX - 1) / STORED_MAX;
    }

    /** Non-final stored blocks (BTYPE 00): the stream is on a byte boundary after each part's sync flush. */
    private static void writeStored(OutputStream out, byte[] value) throws IOException {
        for (int at = 0; at < value.length; at += STORED_MAX) {
            int n = Math.min(STORED_MAX, value.length - at);
            out.write(new byte[] {0, (byte) n, (byte) (n >>> 8), (byte) ~n, (byte) (~n >>> 8)});
            out.write(value, at, n);
        }
    }

    /** The last part ends the deflate stream (BFINAL); the others end with a sync flush. */
    private static byte[] deflate(Deflater deflater, byte[] part, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length / 4 + 64);
        byte[] buffer = new byte[16 * 1024];
        deflater.setInput(part);
        if (last) {
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } else {
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
        }
        return out.toByteArray();
    }

    /**
     * CRC-32 of a concatenation from the CRC-32s of its pieces, as zlib's {@code crc32_combine}
     * computes it (multiplication modulo the CRC polynomial); java.util.zip does not offer it.
     */
    static final class Crc32Combine {

        private static final int POLY = 0xedb88320;
        /** x^(2^n) mod the polynomial, for n = 0..31, in the reflected bit order CRC-32 uses. */
        private static final int[] X2N = new int[32];

        static {
            int p = 1 << 30; // x^1
            X2N[0] = p;
            for (int n = 1; n < 32; n++) {
                X2N[n] = p = multiply(p, p);
            }
        }

        private Crc32Combine() {
        }

        /** The multiplier for appending {@code length} bytes: x^(8 * length) mod the polynomial. */
        static int shift(long length) {
            int p = 1 << 31; // x^0
            int k = 3; // 8 = 2^3 bits per byte
            for (long n = length; n != 0; n >>>= 1, k++) {
                if ((n & 1) != 0) {
                    p = multiply(X2N[k & 31], p);
                }
            }
            return p;
        }

        /** CRC-32 of A followed by B, from crc(A), crc(B) and {@link #shift}(length of B). */
        static int combine(int crcA, int crcB, int shiftB) {
            return multiply(shiftB, crcA) ^ crcB;
        }

        /** a * b mod the polynomial; {@code a} must not be 0 (no shift or power of x is). */
        private static int multiply(int a, int b) {
            int m = 1 << 31;
            int p = 0;
            while (true) {
                if ((a & m) != 0) {
                    p ^= b;
                    if ((a & (m - 1)) == 0) {
                        return p;
                    }
                }
                m >>>= 1;
                b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
            }
        }
    }
}
