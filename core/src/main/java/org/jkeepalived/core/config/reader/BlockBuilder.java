package org.jkeepalived.core.config.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * Builds the statement tree from lines of tokens.
 *
 * <p>A line's words form one statement whose location is the line's. A {@code {} makes the statement
 * before it a block, whether on the same line or alone on a following line; words after a brace on
 * the same line start a new statement, so one-line blocks such as {@code virtual_ipaddress { 192.0.2.1 }}
 * read like their multi-line form. Unbalanced braces are errors at the stray brace or at the line
 * where the unclosed block opened; nothing inside them is lost.
 */
final class BlockBuilder {
    /** A block being filled: its opening statement (null for the top level) and the children so far. */
    private static final class Frame {
        final String keyword;
        final List<String> args;
        final SourceLocation at;
        final boolean anonymous;
        final List<ConfigNode> children = new ArrayList<>();
        /** Whether the last child ended on an earlier line, so a lone '{' may still open it. */
        boolean lastChildReopenable;

        Frame(String keyword, List<String> args, SourceLocation at, boolean anonymous) {
            this.keyword = keyword;
            this.args = args;
            this.at = at;
            this.anonymous = anonymous;
        }
    }

    private final Diagnostics diagnostics;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Frame top = new Frame(null, List.of(), null, false);

    BlockBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        open.push(top);
    }

    /** Adds the tokens of one line. */
    void line(List<Token> tokens, SourceLocation at) {
        String keyword = null;
        List<String> args = null;
        for (Token t : tokens) {
            switch (t.kind()) {
                case WORD -> {
                    if (keyword == null) {
                        keyword = t.text();
                        args = new ArrayList<>();
                    } else {
                        args.add(t.text());
                    }
                }
                case OPEN -> {
                    if (keyword != null) {
                        open.push(new Frame(keyword, args, at, false));
                        keyword = null;
                    } else {
                        openPrevious(at);
                    }
                }
                case CLOSE -> {
                    if (keyword != null) {
                        addLeaf(keyword, args, at);
                        keyword = null;
                    }
                    close(at);
                }
            }
        }
        if (keyword != null) {
            addLeaf(keyword, args, at);
        }
        open.peek().lastChildReopenable = !open.peek().children.isEmpty()
                && !open.peek().children.get(open.peek().children.size() - 1).block();
    }

    /** Closes whatever is still open (each an error at its opening line) and returns the top level. */
    List<ConfigNode> finish() {
        while (open.size() > 1) {
            Frame f = open.peek();
            if (!f.anonymous) {
                diagnostics.error(f.at, f.keyword, "block opened here is never closed (missing '}')");
            }
            close(f.at);
        }
        return List.copyOf(top.children);
    }

    private void addLeaf(String keyword, List<String> args, SourceLocation at) {
        open.peek().children.add(ConfigNode.line(keyword, args, at));
        open.peek().lastChildReopenable = false;
    }

    /** A '{' with no words before it on its line opens the previous statement, as keepalived allows. */
    private void openPrevious(SourceLocation at) {
        Frame f = open.peek();
        if (f.lastChildReopenable) {
            ConfigNode prev = f.children.remove(f.children.size() - 1);
            f.lastChildReopenable = false;
            open.push(new Frame(prev.keyword(), prev.args(), prev.location(), false));
            return;
        }
        diagnostics.error(at, "{", "'{' without a keyword before it; the block's contents are ignored");
        open.push(new Frame("{", List.of(), at, true));
    }

    private void close(SourceLocation at) {
        if (open.size() == 1) {
            diagnostics.error(at, "}", "'}' without a matching '{'; ignored");
            return;
        }
        Frame f = open.pop();
        if (!f.anonymous) {
            open.peek().children.add(new ConfigNode(f.keyword, f.args, f.children, true, f.at));
        }
        open.peek().lastChildReopenable = false;
    }
}
