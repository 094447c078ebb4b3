package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * A gzip response assembled from kept deflated parts and per-response values must be a valid gzip
 * member (checksum and size checked by the JDK's reader) whose content is parts and values in order.
 */
class GzipTemplateTests {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(List<byte[]> parts, byte[][] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            out.writeBytes(parts.get(i));
            if (i < values.length) {
                out.writeBytes(values[i]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(GzipTemplate template, byte[][] values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.writeGzip(out, values);
        assertThat(out.size()).as("announced Content-Length").isEqualTo(template.gzipLength(values));
        return out.toByteArray();
    }

    private static byte[] plain(GzipTemplate template, byte[][] values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.writePlain(out, values);
        assertThat(out.size()).as("announced Content-Length").isEqualTo(template.plainLength(values));
        return out.toByteArray();
    }

    @Test
    void aPageWithTokenAndNameHolesReadsBackAsTheWholePageBothWays() throws IOException {
        String head = "<!DOCTYPE html><html><head><meta name=\"_csrf\" content=\"";
        String middle = "\"></head><body><header><span>";
        String tail = "</span></header><main>" + "<tr><td>rs-1</td><td>abnormal</td></tr>\n".repeat(2_000) + "</main></body></html>";
        List<byte[]> parts = List.of(utf8(head), utf8(middle), utf8(tail));
        byte[][] values = {utf8("tok-3f9a_" + "x".repeat(87)), utf8("王小明 &amp; co")};
        GzipTemplate template = GzipTemplate.of(parts);

        byte[] expected = concat(parts, values);
        assertThat(gunzip(gzip(template, values))).isEqualTo(expected);
        assertThat(plain(template, values)).isEqualTo(expected);
        assertThat(template.keptBytes()).as("kept deflated").isLessThan(expected.length / 10);
    }

    @Test
    void theSameKeptPartsServeDifferentValuesEachTime() throws IOException {
        GzipTemplate template = GzipTemplate.of(List.of(utf8("a="), utf8(";b="), utf8(";")));
        for (String[] v : new String[][] {{"1", "2"}, {"", ""}, {"longer value", "ü"}}) {
            byte[][] values = {utf8(v[0]), utf8(v[1])};
            assertThat(new String(gunzip(gzip(template, values)), StandardCharsets.UTF_8))
                    .isEqualTo("a=" + v[0] + ";b=" + v[1] + ";");
        }
    }

    @Test
    void aValueIsSentUncompressedSoItNeverSharesACompressionContextWithThePage() throws IOException {
        // BREACH guesses a secret from how well it compresses together with reflected input
        String secret = "Zm9vYmFyc2VjcmV0dG9rZW4xMjM0NTY3ODkw";
        GzipTemplate template = GzipTemplate.of(List.of(utf8("q=" + secret.substring(0, 20).repeat(50) + "&t="), utf8("&")));
        String wire = new String(gzip(template, new byte[][] {utf8(secret)}), StandardCharsets.ISO_8859_1);
        assertThat(wire).contains(secret);
    }

    @Test
    void emptyPartsValuesLargerThanAStoredBlockAndNoHolesAreFine() throws IOException {
        Random random = new Random(7);
        byte[] big = new byte[200_000];
        random.nextBytes(big);
        List<byte[]> parts = List.of(new byte[0], utf8("x"), new byte[0]);
        byte[][] values = {big, new byte[0]};
        GzipTemplate template = GzipTemplate.of(parts);
        assertThat(gunzip(gzip(template, values))).isEqualTo(concat(parts, values));
        assertThat(plain(template, values)).isEqualTo(concat(parts, values));

        GzipTemplate whole = GzipTemplate.of(List.of(utf8("<p>no holes</p>")));
        assertThat(whole.holes()).isZero();
        assertThat(gunzip(gzip(whole, new byte[0][]))).isEqualTo(utf8("<p>no holes</p>"));
    }

    @Test
    void randomPagesRoundTrip() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(8);
            List<byte[]> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add(utf8("<div class=\"row\">" + "cell ".repeat(random.nextInt(3_000)) + "</div>"));
            }
            byte[][] values = new byte[n - 1][];
            for (int i = 0; i < values.length; i++) {
                values[i] = new byte[random.nextInt(300)];
                random.nextBytes(values[i]);
            }
            GzipTemplate template = GzipTemplate.of(parts);
            assertThat(gunzip(gzip(template, values))).isEqualTo(concat(parts, values));
        }
    }

    @Test
    void aCorruptedChecksumIsCaughtByTheReaderSoTheCheckAboveMeansSomething() throws IOException {
        GzipTemplate template = GzipTemplate.of(List.of(utf8("abc"), utf8("def")));
        byte[] gzip = gzip(template, new byte[][] {utf8("123")});
        gzip[gzip.length - 8] ^= 1;
        assertThatThrownBy(() -> gunzip(gzip)).isInstanceOf(ZipException.class);
    }

    @Test
    void combinedChecksumsEqualTheChecksumOfTheConcatenation() {
        Random random = new Random(1);
        for (int round = 0; round < 200; round++) {
            byte[] a = new byte[random.nextInt(5_000)];
            byte[] b = new byte[random.nextInt(5_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            CRC32 whole = new CRC32();
            whole.update(a);
            whole.update(b);
            assertThat(GzipTemplate.Crc32Combine.combine(crc(a), crc(b), GzipTemplate.Crc32Combine.shift(b.length)))
                    .isEqualTo((int) whole.getValue());
        }
    }

    @Test
    void valuesMustMatchTheHoles() {
        GzipTemplate template = GzipTemplate.of(List.of(utf8("a"), utf8("b")));
        assertThatThrownBy(() -> template.writeGzip(new ByteArrayOutputStream(), new byte[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 values for 1 holes");
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
