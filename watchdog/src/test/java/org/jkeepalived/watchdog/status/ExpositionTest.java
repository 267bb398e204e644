package org.jkeepalived.watchdog.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpositionTest {
    @Test
    void familiesStayTogetherWithOneHelpAndTypeWhateverTheOrderOfSamples() {
        Exposition e = new Exposition()
                .family("a_total", Exposition.Type.COUNTER, "A.")
                .family("b", Exposition.Type.GAUGE, "B.");
        e.sample("a_total", 1, "x", "1").sample("b", 2).sample("a_total", 3, "x", "2");
        assertEquals("""
                # HELP a_total A.
                # TYPE a_total counter
                a_total{x="1"} 1
                a_total{x="2"} 3
                # HELP b B.
                # TYPE b gauge
                b 2
                """, e.render());
        PrometheusText.parse(e.render());
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        String tricky = "VI \"1\"\\eth0\nnext";
        Exposition e = new Exposition().family("m", Exposition.Type.GAUGE, "line\\one\ntwo");
        e.sample("m", 0.25, "instance", tricky);
        String text = e.render();
        assertEquals("# HELP m line\\\\one\\ntwo\n# TYPE m gauge\nm{instance=\"VI \\\"1\\\"\\\\eth0\\nnext\"} 0.25\n",
                text);
        PrometheusText p = PrometheusText.parse(text);
        assertEquals(0.25, p.value("m", "instance", tricky));
        assertEquals("line\\one\ntwo", p.help.get("m"));
    }

    @Test
    void emptyFamiliesAreLeftOutAndSpecialValuesNamed() {
        Exposition e = new Exposition().family("empty", Exposition.Type.GAUGE, "E.")
                .family("v", Exposition.Type.GAUGE, "V.");
        e.sample("v", Double.NaN, "k", "nan").sample("v", Double.POSITIVE_INFINITY, "k", "inf")
                .sample("v", -3, "k", "neg").sample("v", 1e20, "k", "big");
        String text = e.render();
        assertEquals(4, PrometheusText.parse(text).samples.size());
        assertEquals(-1, text.indexOf("empty"));
        assertEquals(1e20, PrometheusText.parse(text).value("v", "k", "big"));
    }

    @Test
    void refusesBadNamesAndMismatchedTypes() {
        Exposition e = new Exposition();
        assertThrows(IllegalArgumentException.class, () -> e.family("1bad", Exposition.Type.GAUGE, "x"));
        e.family("m", Exposition.Type.GAUGE, "x");
        assertThrows(IllegalArgumentException.class, () -> e.family("m", Exposition.Type.COUNTER, "x"));
        assertThrows(IllegalArgumentException.class, () -> e.sample("undeclared", 1));
    }

    /** The test parser is strict: each of these must be refused. */
    @ParameterizedTest
    @ValueSource(strings = {
        "m 1",                                              // no final newline
        "1m 1\n",                                           // bad metric name
        "m{1a=\"x\"} 1\n",                                  // bad label name
        "m{a=\"x\\t\"} 1\n",                                // bad escape
        "m{a=x} 1\n",                                       // unquoted value
        "m{a=\"x\",a=\"y\"} 1\n",                           // repeated label
        "m one\n",                                          // bad value
        "# TYPE m gauge\n# TYPE m gauge\nm 1\n",            // second TYPE
        "# HELP m a\n# HELP m b\nm 1\n",                    // second HELP
        "m 1\n# TYPE m gauge\n",                            // TYPE after samples
        "m{a=\"1\"} 1\nn 2\nm{a=\"2\"} 3\n",                // family split
        "m 1\nm 2\n",                                       // repeated series
        "# TYPE c counter\nc -1\n",                         // negative counter
    })
    void strictParserRefuses(String text) {
        assertThrows(AssertionError.class, () -> PrometheusText.parse(text));
    }
}
