package org.jkeepalived.watchdog.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ReplyFramesTest {
    @Test
    void answersAreMatchedByIdAndStrayOutputIsSkipped() throws Exception {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        child.write("some library printed this\n".getBytes(StandardCharsets.UTF_8));
        ReplyFrames.write(child, 1, "late answer nobody waits for\n");
        ReplyFrames.write(child, 2, "métrique 1\n# with a\nsecond line");
        ReplyFrames.write(child, 3, "");
        ReplyFrames frames = new ReplyFrames();
        CompletableFuture<String> two = frames.expect(2);
        CompletableFuture<String> three = frames.expect(3);
        CompletableFuture<String> four = frames.expect(4);
        frames.read(new ByteArrayInputStream(child.toByteArray()));
        assertEquals("métrique 1\n# with a\nsecond line", frames.await(2, two, 10));
        assertEquals("", frames.await(3, three, 10));
        // the child's output ended before answering 4: the wait ends at once
        assertThrows(TimeoutException.class, () -> frames.await(4, four, 60_000));
    }

    @Test
    void queryLinesRoundTrip() {
        assertEquals("QUERY STATUS_TEXT 42", StatusDocument.STATUS_TEXT.queryLine(42));
        assertEquals(Optional.of(new StatusDocument.Query(StatusDocument.METRICS, 7)),
                StatusDocument.parseQuery("QUERY METRICS 7\n"));
        assertEquals(Optional.empty(), StatusDocument.parseQuery("RELOAD"));
        assertEquals(Optional.empty(), StatusDocument.parseQuery("QUERY NOPE 7"));
        assertEquals(Optional.empty(), StatusDocument.parseQuery("QUERY METRICS x"));
    }
}
