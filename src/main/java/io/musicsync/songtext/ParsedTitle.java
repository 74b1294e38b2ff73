package io.musicsync.songtext;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A title split into what names the song and what describes the version.
 *
 * @param core the song's own words ({@link TextNormalizer#key} form), without version, feature or soundtrack suffixes
 * @param extra words of suffixes we could not classify (e.g. a subtitle), kept apart so they weigh less
 * @param tags version tags, each with the suffix text it came from (to tell one remix from another)
 * @param featured artists named in the title ("feat. X", "with Y"), in key form
 */
public record ParsedTitle(String core, String extra, Map<VersionTag, String> tags, List<String> featured) {

    public ParsedTitle {
        tags = Map.copyOf(tags);
        featured = List.copyOf(featured);
    }

    /** Only the tags that mean another recording, with their suffix text. */
    public Map<VersionTag, String> recordingTags() {
        return tags.entrySet().stream()
                .filter(e -> e.getKey().differentRecording())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public boolean has(VersionTag tag) {
        return tags.containsKey(tag);
    }
}
