package org.jkeepalived.core.config.vrrp;

import java.util.OptionalInt;
import org.jkeepalived.core.config.SourceLocation;

/**
 * One line of a {@code track_interface}, {@code track_script}, {@code track_file},
 * {@code track_process} or {@code track_bfd} block: {@code NAME [weight N [reverse|noreverse]]}.
 * Without a weight, a tracked script/file/process uses the weight configured on it and an interface
 * uses 0 (failure means FAULT).
 */
public record TrackedItem(String name, OptionalInt weight, boolean reverse, SourceLocation location) {
}
