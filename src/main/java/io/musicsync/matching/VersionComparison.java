package io.musicsync.matching;

import io.musicsync.songtext.IndelRatio;
import io.musicsync.songtext.ParsedTitle;
import io.musicsync.songtext.VersionTag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the version tags of a request and a candidate. */
final class VersionComparison {

    /** Tags whose name matters: "Kygo Remix" is not "R3HAB Remix", "Live at Wembley" not "Live in Tokyo". */
    private static final Set<VersionTag> NAMED_TAGS = Set.of(
            VersionTag.REMIX, VersionTag.EDIT, VersionTag.LIVE, VersionTag.LANGUAGE_VERSION, VersionTag.OTHER_VERSION);

    private static final double SAME_NAME = 0.8;
    /** Usually the same recording, but sometimes an edit of another length. */
    private static final List<VersionTag> EDIT_PRONE = List.of(VersionTag.SINGLE_VERSION, VersionTag.ALBUM_VERSION);

    private VersionComparison() {}

    /**
     * Different-recording tags (from titles and albums) that one side has and the other lacks, or that both have
     * under different names. Empty when the two may be the same recording.
     */
    static List<String> recordingDifferences(SongProfile song, TrackProfile candidate) {
        Map<VersionTag, String> requested = recordingTags(song.title(), song.album());
        Map<VersionTag, String> offered = recordingTags(candidate.title(), candidate.album());
        List<String> differences = new ArrayList<>();
        for (var entry : offered.entrySet()) {
            VersionTag tag = entry.getKey();
            String wanted = requested.get(tag);
            if (!requested.containsKey(tag)) {
                differences.add(tag.label() + " (candidate)");
            } else if (NAMED_TAGS.contains(tag)
                    && entry.getValue() != null
                    && wanted != null
                    && IndelRatio.of(entry.getValue(), wanted) < SAME_NAME) {
                differences.add(tag.label() + " \"" + entry.getValue() + "\" vs \"" + wanted + "\"");
            }
        }
        for (VersionTag tag : requested.keySet()) {
            if (!offered.containsKey(tag)) {
                differences.add(tag.label() + " (request)");
            }
        }
        return differences;
    }

    /** "Single Version" / "Album Version" on one side only. */
    static List<String> releaseDifferences(ParsedTitle requested, ParsedTitle offered) {
        List<String> differences = new ArrayList<>();
        for (VersionTag tag : EDIT_PRONE) {
            if (requested.has(tag) != offered.has(tag)) {
                differences.add(tag.label());
            }
        }
        return differences;
    }

    /** Title tags with their names; album-only tags without (an album name does not name a remix). */
    private static Map<VersionTag, String> recordingTags(ParsedTitle title, ParsedTitle album) {
        Map<VersionTag, String> tags = new EnumMap<>(VersionTag.class);
        tags.putAll(title.recordingTags());
        if (album != null) {
            for (VersionTag tag : album.recordingTags().keySet()) {
                tags.putIfAbsent(tag, null);
            }
        }
        return tags;
    }
}
