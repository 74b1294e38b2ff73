package io.musicsync.matching;

import io.musicsync.sync.Track;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores one Spotify track against a parsed request: a weighted mean of the signals the request allows (title,
 * artists, album, duration), lifted by an equal ISRC and cut by evidence that it is another recording. Also says
 * whether the candidate may be added at all: a different recording (version tags, duration, another primary
 * artist, the wrong explicit flag) never may, whatever its score.
 */
final class CandidateScorer {

    private static final double TITLE_WEIGHT = 0.45;
    private static final double ARTIST_WEIGHT = 0.30;
    private static final double ALBUM_WEIGHT = 0.10;
    private static final double DURATION_WEIGHT = 0.15;
    /** Within this, durations agree fully; beyond {@link #DURATION_AGAINST_MS} they say "another recording". */
    private static final int DURATION_CLOSE_MS = 3_000;
    private static final int DURATION_AGAINST_MS = 10_000;
    /**
     * Confirms a title or artist written in another script. Tight: one artist's songs often lie within a second or
     * two of each other, while one recording on two releases rarely differs by more than a few hundred ms.
     */
    private static final int DURATION_CONFIRMS_MS = 1_000;
    /** Albums at least this alike count as the same release. */
    private static final double SAME_ALBUM = 0.9;
    private static final double REMIX_NAME_SAME = 0.8;
    /** Titles less alike than this are other songs ("Love Me" vs "Love Me Do"), whatever the other signals say. */
    private static final double MIN_TITLE_TO_ADD = 0.9;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");
    /** Tags whose name matters: "Kygo Remix" is not "R3HAB Remix". */
    private static final Set<VersionTag> NAMED_TAGS = Set.of(VersionTag.REMIX, VersionTag.EDIT, VersionTag.LIVE,
            VersionTag.LANGUAGE_VERSION, VersionTag.OTHER_VERSION);

    private final TitleParser parser;

    CandidateScorer(TitleParser parser) {
        this.parser = parser;
    }

    /** The scored candidate and whether it may be added. */
    record Assessment(ScoredCandidate scored, boolean addable, ParsedTitle title) {
    }

    Assessment assess(SongProfile song, Track track) {
        ParsedTitle title = parser.parseTitle(track.name());
        ParsedTitle album = parser.parseAlbum(track.album());
        List<String> artists = new ArrayList<>(ArtistNames.keys(track.artists()));
        for (String featured : title.featured()) {
            if (!ArtistNames.contains(artists, featured)) {
                artists.add(featured);
            }
        }
        Map<String, Double> signals = new LinkedHashMap<>();
        List<String> agreed = new ArrayList<>();
        List<String> against = new ArrayList<>();
        boolean addable = true;

        boolean isrcEqual = song.isrc() != null && song.isrc().equals(track.isrc());
        if (song.isrc() != null && track.isrc() != null) {
            signals.put("isrc", isrcEqual ? 1.0 : 0.0);
            if (isrcEqual) {
                agreed.add("ISRC equal");
            }
        }
        Double durationSignal = null;
        long durationDiff = -1;
        if (song.durationMs() != null && track.durationMs() > 0) {
            durationDiff = Math.abs((long) song.durationMs() - track.durationMs());
            durationSignal = durationSignal(durationDiff);
            signals.put("duration", durationSignal);
            if (durationDiff <= DURATION_CLOSE_MS) {
                agreed.add("duration within 3 s");
            } else if (durationDiff > DURATION_AGAINST_MS) {
                against.add(String.format(Locale.ROOT, "duration %d s off", durationDiff / 1000));
                addable = false;
            }
        }
        boolean sameAlbum = song.album() != null && IndelRatio.of(song.album().core(), album.core()) >= SAME_ALBUM;
        // A title or artist in another script cannot be compared by letters; the ISRC may vouch for it, or the duration
        // on the same album (one artist's songs are often within a second of each other, so duration alone is weak).
        boolean confirmed = isrcEqual || (durationDiff >= 0 && durationDiff <= DURATION_CONFIRMS_MS && sameAlbum);
        boolean scriptDiffers = TextNormalizer.isNonLatin(song.title().core()) != TextNormalizer.isNonLatin(title.core());

        double titleSignal = titleSimilarity(song.title(), title);
        if (scriptDiffers && confirmed) {
            titleSignal = Math.max(titleSignal, 0.9);
            agreed.add("title in another script, confirmed by " + (isrcEqual ? "ISRC" : "duration and album"));
        } else if (titleSignal >= 0.95) {
            agreed.add("title");
        } else {
            against.add(String.format(Locale.ROOT, "title differs (%.2f)", titleSignal));
            if (titleSignal < MIN_TITLE_TO_ADD && !isrcEqual) {
                addable = false;
            }
        }
        if (!isrcEqual && !numbers(song.title()).equals(numbers(title))) {
            // "Pt. 2", "Symphony No. 5", "7 Rings": a different number is a different piece.
            against.add("numbers in the title differ");
            addable = false;
        }
        signals.put("title", titleSignal);

        if (!song.title().extra().equals(title.extra()) && !durationConfirms(isrcEqual, durationDiff)) {
            // An unclassified suffix on one side ("Part 2", "The Rework", a subtitle) may name another version.
            against.add("title suffixes differ, unconfirmed by duration or ISRC");
            addable = false;
        }
        List<String> unrequested = title.featured().stream()
                .filter(name -> !ArtistNames.mentions(song.artists(), name)
                        && !ArtistNames.mentions(List.of(song.artist()), name)).toList();
        List<String> missing = song.title().featured().stream()
                .filter(name -> !ArtistNames.mentions(artists, name)).toList();
        if (!unrequested.isEmpty() || !missing.isEmpty()) {
            // "Believer (feat. Lil Wayne)" is another version of "Believer", and the other way round.
            against.add("featured artists differ: " + String.join(", ", unrequested.isEmpty() ? missing : unrequested));
            addable = false;
        }

        ArtistMatch artistMatch = artistMatch(song, artists);
        double artistSignal = artistMatch.signal();
        if (!artistMatch.primaryFound()) {
            boolean otherScript = TextNormalizer.isNonLatin(song.primaryArtist())
                    != artists.stream().anyMatch(TextNormalizer::isNonLatin);
            if ((otherScript && confirmed) || isrcEqual) {
                artistSignal = Math.max(artistSignal, 0.9);
                agreed.add("artist vouched for by " + (isrcEqual ? "ISRC" : "duration and album"));
            } else {
                against.add("primary artist \"" + song.primaryArtist() + "\" not among the candidate's artists");
                addable = false;
            }
        } else {
            agreed.add(artistMatch.signal() >= 1.0 ? "artists" : "primary artist");
        }
        signals.put("artist", artistSignal);

        double weighted = TITLE_WEIGHT * titleSignal + ARTIST_WEIGHT * artistSignal;
        double weights = TITLE_WEIGHT + ARTIST_WEIGHT;
        if (song.album() != null) {
            double albumSignal = IndelRatio.of(song.album().core(), album.core());
            signals.put("album", albumSignal);
            weighted += ALBUM_WEIGHT * albumSignal;
            weights += ALBUM_WEIGHT;
            if (albumSignal >= 0.95) {
                agreed.add("album");
            }
        }
        if (durationSignal != null) {
            weighted += DURATION_WEIGHT * durationSignal;
            weights += DURATION_WEIGHT;
        }
        if (durationDiff > DURATION_CLOSE_MS && durationDiff <= DURATION_AGAINST_MS && !isrcEqual && !sameAlbum) {
            // 3-10 s apart: a remaster's longer fade, or a re-recording or another mix. Only the same album tells.
            against.add(String.format(Locale.ROOT, "duration %.1f s off on another album", durationDiff / 1000.0));
            addable = false;
        }
        double score = weighted / weights;
        if (isrcEqual) {
            score = 0.5 + score / 2;
        }

        List<String> tagDifferences = tagDifferences(song, title, album);
        if (!tagDifferences.isEmpty()) {
            against.add("tags differ: " + String.join(", ", tagDifferences));
            addable = false;
            score *= 0.5;
        }
        // "Single Version" or "Album Version" on one side only is usually the same recording, but sometimes an edit
        // of another length: only a duration or ISRC can tell.
        boolean durationConfirms = durationConfirms(isrcEqual, durationDiff);
        List<String> releaseDifferences = releaseTagDifferences(song.title(), title);
        if (!releaseDifferences.isEmpty() && !durationConfirms) {
            against.add(String.join(", ", releaseDifferences) + " on one side only, unconfirmed by duration or ISRC");
            addable = false;
        }
        if (tagDifferences.isEmpty() && song.title().has(VersionTag.LIVE) && !durationConfirms
                && !sameAlbum) {
            // Two live takes are the same recording only when they come from the same concert.
            against.add("both live, but neither album nor duration shows the same concert");
            addable = false;
        }
        if (song.explicit() != null) {
            boolean same = song.explicit() == track.explicit();
            signals.put("explicit", same ? 1.0 : 0.0);
            if (same) {
                agreed.add(track.explicit() ? "explicit" : "not explicit");
            } else {
                against.add(track.explicit() ? "explicit, clean requested" : "clean, explicit requested");
                addable = false;
                score *= 0.8;
            }
        }
        if (!artistMatch.primaryFound() && !isrcEqual) {
            score *= 0.6;
        }
        if (durationDiff > DURATION_AGAINST_MS) {
            score *= 0.6;
        }
        if (scriptDiffers && !confirmed) {
            addable = false;
        }
        List<String> notes = new ArrayList<>();
        if (!agreed.isEmpty()) {
            notes.add("agreed: " + String.join(", ", agreed));
        }
        notes.addAll(against);
        return new Assessment(new ScoredCandidate(track, round(score), signals, notes), addable, title);
    }

    private static List<String> numbers(ParsedTitle title) {
        List<String> numbers = new ArrayList<>();
        var matcher = NUMBER.matcher(title.core() + " " + title.extra());
        while (matcher.find()) {
            numbers.add(matcher.group().replaceFirst("^0+(?=\\d)", ""));
        }
        return numbers;
    }

    private static boolean durationConfirms(boolean isrcEqual, long durationDiff) {
        return isrcEqual || (durationDiff >= 0 && durationDiff <= DURATION_CLOSE_MS);
    }

    private static double durationSignal(long diffMs) {
        if (diffMs <= DURATION_CLOSE_MS) {
            return 1.0;
        }
        if (diffMs <= DURATION_AGAINST_MS) {
            return 1.0 - 0.5 * (diffMs - DURATION_CLOSE_MS) / (DURATION_AGAINST_MS - DURATION_CLOSE_MS);
        }
        return 0.0;
    }

    /** Core titles compared; suffixes we could not classify count only when both sides have them. */
    static double titleSimilarity(ParsedTitle request, ParsedTitle candidate) {
        double core = IndelRatio.of(request.core(), candidate.core());
        if (request.extra().equals(candidate.extra())) {
            return core;
        }
        double full = IndelRatio.of((request.core() + " " + request.extra()).trim(),
                (candidate.core() + " " + candidate.extra()).trim());
        return Math.max(full, 0.9 * core);
    }

    private record ArtistMatch(boolean primaryFound, double signal) {
    }

    private static ArtistMatch artistMatch(SongProfile song, List<String> candidateArtists) {
        if (candidateArtists.isEmpty()) {
            return new ArtistMatch(false, 0.0);
        }
        String joined = String.join(" and ", candidateArtists);
        boolean wholeName = ArtistNames.contains(candidateArtists, song.artist()) || ArtistNames.same(joined, song.artist());
        boolean primary = wholeName || ArtistNames.contains(candidateArtists, song.primaryArtist());
        if (!primary) {
            double best = 0;
            for (String name : candidateArtists) {
                best = Math.max(best, IndelRatio.of(name, song.primaryArtist()));
            }
            return new ArtistMatch(false, 0.5 * best);
        }
        long found = song.artists().stream().filter(a -> ArtistNames.contains(candidateArtists, a)).count();
        double coverage = wholeName && song.artists().size() <= 1 ? 1.0 : (double) found / song.artists().size();
        if (wholeName) {
            coverage = Math.max(coverage, song.artists().size() == song.creditedCount() ? 1.0 : coverage);
        }
        return new ArtistMatch(true, 0.75 + 0.25 * coverage);
    }

    /** Recording tags one side has and the other lacks (title and album), or the same tag with another name. */
    private static List<String> tagDifferences(SongProfile song, ParsedTitle title, ParsedTitle album) {
        Map<VersionTag, String> requested = recordingTags(song.title(), song.album());
        Map<VersionTag, String> offered = recordingTags(title, album);
        List<String> differences = new ArrayList<>();
        for (var entry : offered.entrySet()) {
            VersionTag tag = entry.getKey();
            if (!requested.containsKey(tag)) {
                differences.add(tag.label() + " (candidate)");
            } else if (NAMED_TAGS.contains(tag) && entry.getValue() != null && requested.get(tag) != null
                    && IndelRatio.of(entry.getValue(), requested.get(tag)) < REMIX_NAME_SAME) {
                differences.add(tag.label() + " \"" + entry.getValue() + "\" vs \"" + requested.get(tag) + "\"");
            }
        }
        for (VersionTag tag : requested.keySet()) {
            if (!offered.containsKey(tag)) {
                differences.add(tag.label() + " (request)");
            }
        }
        return differences;
    }

    private static final Set<VersionTag> EDIT_PRONE = Set.of(VersionTag.SINGLE_VERSION, VersionTag.ALBUM_VERSION);

    private static List<String> releaseTagDifferences(ParsedTitle requested, ParsedTitle offered) {
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

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
