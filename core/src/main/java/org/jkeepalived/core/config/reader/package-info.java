/**
 * The keepalived.conf language layer: {@link org.jkeepalived.core.config.reader.ConfigReader} turns a file
 * into a tree of {@link org.jkeepalived.core.config.ConfigNode}s, resolving comments, quotes, braces,
 * {@code include}, {@code $NAME} parameters, {@code @id} conditionals and {@code ~SEQ}/{@code ~LST} lines
 * the way keepalived 2.2.7 does, and reporting problems with their file and line.
 *
 * <p>Where keepalived 2.2.7 and its man page disagree, this package follows the binary (each case was
 * checked with {@code keepalived -t}/{@code -d}): a trailing {@code \} continues only a multi-line
 * definition; include lines are recognised after conditionals and substitution; a {@code "} splits the
 * word it touches. Where keepalived's behaviour depends on the keyword (it reads a {@code {} inside a
 * value block such as {@code virtual_ipaddress} as a word), the tree here is generic and nests it.
 * Deliberate differences: an include loop is an error instead of endless recursion, runaway expansions are
 * bounded, {@code ${_RANDOM}} uses a fixed seed, and {@code include_check} is honoured for the rest of the
 * file it appears in.
 */
package org.jkeepalived.core.config.reader;
