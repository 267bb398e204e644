package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include and its variants, on files in a temporary directory; behaviour checked against keepalived 2.2.7. */
class IncludeTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Trees.Result readMain(String text, boolean allConfig) throws IOException {
        Path main = write("keepalived.conf", text);
        return Trees.readFile(main, new ReaderOptions("main", allConfig));
    }

    private String name(String relative) {
        return dir.resolve(relative).toString();
    }

    @Test
    void includedStatementsKeepTheirOwnFileAndLine() throws IOException {
        write("b.conf", "\nkw_b 1\n");
        var r = readMain("a {\n  include b.conf\n}\nc\n", false);
        assertEquals(name("keepalived.conf") + ":1|a { " + name("b.conf") + ":2|kw_b 1 }; "
                + name("keepalived.conf") + ":4|c", r.tree(true));
        assertEquals(List.of(), r.messages());
    }

    @Test
    void relativePathsAreRelativeToTheIncludingFile() throws IOException {
        write("sub/a.conf", "include ../b.conf\nkw_a\n");
        write("b.conf", "kw_b\n");
        var r = readMain("include sub/a.conf\n", false);
        assertEquals(name("b.conf") + ":1|kw_b; " + name("sub/a.conf") + ":2|kw_a", r.tree(true));
    }

    @Test
    void wildcardMatchesAreReadInSortedOrderAndSkipDotFilesAndDirectories() throws IOException {
        write("conf.d/2.conf", "kw_d2\n");
        write("conf.d/1.conf", "kw_d1\n");
        write("conf.d/.hidden.conf", "kw_hidden\n");
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));
        write("conf.d/other.txt", "kw_txt\n");
        var r = readMain("include conf.d/*.conf\n", false);
        assertEquals("kw_d1; kw_d2", r.tree());
        assertEquals(List.of(), r.messages());
    }

    @Test
    void absolutePatternWithCharacterClass() throws IOException {
        write("x/a1.conf", "kw_1\n");
        write("x/a2.conf", "kw_2\n");
        write("x/a3.conf", "kw_3\n");
        var r = readMain("include " + name("x") + "/a[^2].conf\n", false);
        assertEquals("kw_1; kw_3", r.tree());
    }

    @Test
    void braceListsKeepTheirWrittenOrder() throws IOException {
        write("b.conf", "kw_b\n");
        write("c.conf", "kw_c\n");
        var r = readMain("include {c,b}.conf\n", false);
        assertEquals("kw_c; kw_b", r.tree());
    }

    @Test
    void includeAfterSubstitutionAndConditional() throws IOException {
        // keepalived 2.2.7 reads both, although the man page says it does not
        write("b.conf", "kw_b\n");
        write("c.conf", "kw_c\n");
        var r = readMain("$F=b.conf\ninclude $F\n@main include c.conf\n@backup include c.conf\n", false);
        assertEquals("kw_b; kw_c", r.tree());
    }

    @Test
    void patternIsTheRestOfTheLine() throws IOException {
        var r = readMain("include x y\n", false);
        assertEquals("", r.tree());
        assertEquals(List.of(name("keepalived.conf") + ":1: warning: include: no file matches 'x y'"), r.messages());
    }

    @Test
    void missingFileIsAWarningUnlessAllConfig() throws IOException {
        var r = readMain("include missing.conf\nkw\n", false);
        assertEquals("kw", r.tree());
        assertEquals(List.of(name("keepalived.conf") + ":1: warning: include: no file matches 'missing.conf'"),
                r.messages());
        var e = readMain("include missing.conf\nkw\n", true);
        assertEquals(List.of(name("keepalived.conf") + ":1: error: include: no file matches 'missing.conf'"),
                e.messages());
    }

    @Test
    void wildcardWithoutMatchIsQuietUnlessChecked() throws IOException {
        assertEquals(List.of(), readMain("include conf.d/nomatch*.conf\n", false).messages());
        assertEquals(1, readMain("include conf.d/nomatch*.conf\n", true).diagnostics().errorCount());
        assertEquals(1, readMain("includew conf.d/nomatch*.conf\n", false).diagnostics().errorCount());
        assertEquals(1, readMain("includea conf.d/nomatch*.conf\n", false).diagnostics().errorCount());
    }

    @Test
    void includeVariants() throws IOException {
        assertEquals(0, readMain("includer missing.conf\n", false).diagnostics().errorCount());
        assertEquals(1, readMain("includem missing.conf\n", false).diagnostics().errorCount());
        write("b.conf", "kw_b\n");
        var brace = readMain("includeb {b,zz}.conf\n", false);
        assertEquals("kw_b", brace.tree());
        assertEquals(List.of(name("keepalived.conf") + ":1: error: includeb: no file matches 'zz.conf' (from '{b,zz}.conf')"),
                brace.messages());
    }

    @Test
    void includeCheckAppliesToLaterIncludesOfTheSameFile() throws IOException {
        var r = readMain("global_defs {\n include_check match\n}\ninclude missing.conf\n", false);
        assertEquals(1, r.diagnostics().errorCount());
        assertEquals("global_defs { include_check match }", r.tree());
    }

    @Test
    void includeWithoutFileName() throws IOException {
        var r = readMain("include\n", false);
        assertEquals(List.of(name("keepalived.conf") + ":1: error: include: no file name given; ignored"), r.messages());
    }

    @Test
    void includeLoopIsReportedOnce() throws IOException {
        write("a.conf", "kw_a\ninclude b.conf\n");
        write("b.conf", "kw_b\ninclude a.conf\n");
        var r = readMain("include a.conf\n", false);
        assertEquals("kw_a; kw_b", r.tree());
        assertEquals(List.of(name("b.conf") + ":2: error: include: include loop: '" + name("a.conf")
                + "' is already being read; not read again"), r.messages());
    }

    @Test
    void includingItselfIsALoop() throws IOException {
        var r = readMain("kw\ninclude keepalived.conf\n", false);
        assertEquals("kw", r.tree());
        assertEquals(1, r.diagnostics().errorCount());
    }

    @Test
    void executableFileIsSkipped() throws IOException {
        Path x = write("x.conf", "kw_x\n");
        assertTrue(x.toFile().setExecutable(true));
        var r = readMain("include x.conf\n", false);
        assertEquals("", r.tree());
        assertEquals(1, r.diagnostics().warningCount());
    }

    @Test
    void definitionsCarryAcrossFilesAndPwdIsTheIncludedFilesDirectory() throws IOException {
        write("sub/a.conf", "$V=from_a\nk ${_PWD}\n");
        var r = readMain("include sub/a.conf\nk $V ${_PWD}\n", false);
        assertEquals("k " + dir.resolve("sub") + "; k from_a " + dir, r.tree());
    }

    @Test
    void blockMayOpenInOneFileAndCloseInTheIncluder() throws IOException {
        write("open.conf", "vrrp_instance X {\n state MASTER\n");
        var r = readMain("include open.conf\n priority 1\n}\n", false);
        assertEquals("vrrp_instance X { state MASTER; priority 1 }", r.tree());
    }

    @Test
    void missingTopLevelFileIsAnErrorAtLineZero() {
        Diagnostics d = new Diagnostics();
        Path missing = dir.resolve("nope.conf");
        assertEquals(List.of(), ConfigReader.read(missing, Trees.MAIN, d));
        assertEquals(1, d.all().size());
        assertTrue(d.all().get(0).toString().startsWith(missing + ":0: error: cannot read configuration file"),
                d.all().toString());
    }

    @Test
    void relativeTopLevelNameShowsRelativeIncludeNames() throws IOException {
        write("conf.d/1.conf", "kw\n");
        Diagnostics d = new Diagnostics();
        var nodes = ConfigReader.read("include conf.d/*.conf\n", "keepalived.conf", dir, Trees.MAIN, d);
        assertEquals("conf.d/1.conf:1", nodes.get(0).location().toString());
    }
}
