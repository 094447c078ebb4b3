package org.slbdoctor.artifact.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTests {

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        return CsvLine.split(line, ',', out) ? out : null;
    }

    @Test
    void splitsPlainQuotedAndEmptyFields() {
        assertThat(split("a,b,c")).containsExactly("a", "b", "c");
        assertThat(split("\"a,1\",\"say \"\"hi\"\"\",")).containsExactly("a,1", "say \"hi\"", "");
        assertThat(split("")).containsExactly("");
        assertThat(split(",,")).containsExactly("", "", "");
        assertThat(split("\"\"")).containsExactly("");
    }

    @Test
    void toleratesJunkAfterTheClosingQuote() {
        assertThat(split("\"a\"junk,b")).containsExactly("a", "b");
    }

    @Test
    void anUnclosedQuoteIsMalformed() {
        assertThat(split("a,\"b")).isNull();
        assertThat(split("\"a\"\"")).isNull();
    }

    @Test
    void readsOnlyTheNamedColumns() {
        String[] out = new String[2];
        assertThat(CsvLine.read("x,\"1,5\",y,\"q\"\"z\"\"\"tail,w", ',', new int[] {3, 1}, out)).isTrue();
        assertThat(out).containsExactly("q\"z\"", "1,5");

        out = new String[1];
        assertThat(CsvLine.read("a\tb\tc", '\t', new int[] {2}, out)).isTrue();
        assertThat(out).containsExactly("c");
    }

    @Test
    void readFailsOnAMissingColumnOrAnUnclosedQuote() {
        assertThat(CsvLine.read("a,b", ',', new int[] {2}, new String[1])).isFalse();
        assertThat(CsvLine.read("a,\"b", ',', new int[] {1}, new String[1])).isFalse();
        assertThat(CsvLine.read("a,\"b", ',', new int[] {0}, new String[1])).isTrue();
    }
}
