package org.jkeepalived.vrrp.engine;

/**
 * One tracked object's current result and what it does to its instance (for status output: why an instance has
 * the priority and state it has).
 *
 * @param tracked      the tracked object as configured (kind, name, weight, reverse)
 * @param healthy      the object's own result: interface up, script succeeding (after rise/fall); for a file,
 *                     whether its value is 0
 * @param fileValue    a track_file's current value (0 for the other kinds)
 * @param contribution what it adds to the base priority now (0 when it adds nothing, negative when it subtracts)
 * @param fault        whether it holds the instance in FAULT
 */
public record TrackerStatus(TrackedObject tracked, boolean healthy, long fileValue, long contribution,
                            boolean fault) {
}
