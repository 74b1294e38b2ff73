package io.musicsync.songtext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses titles and album names: suffixes in brackets or after " - " become version tags, featured artists or
 * ignorable soundtrack notes; what is left is the core title. Stateless.
 */
public final class TitleParser {

    private static final Pattern FEATURING = Pattern.compile("^(?:feat\\.?|ft\\.?|featuring|with)\\s+(.+)$");
    private static final Pattern SOUNDTRACK_NOTE =
            Pattern.compile("^(?:from|theme from|taken from|music from|main theme from)\\b|\\bfrom \"");
    /**
     * A bare year beside a remaster tag ("Omnibus - 2001 - Remaster") dates the remaster; alone ("Rock You Like a
     * Hurricane - 2011") it may mark a re-recording, so then it stays an unclassified suffix.
     */
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

    private static final Pattern DASH = Pattern.compile("\\s+-\\s+");
    /** Cheap pre-check: an album name without any of these words carries no tag. */
    private static final List<String> ALBUM_TAG_WORDS =
            List.of("live", "concert", "karaoke", "cover", "tribute", "instrumental", "remix", "acoustic", "unplugged");

    private static final Pattern VERSION_WORD = Pattern.compile("\\bver(?:\\.|sion|sión|s)?\\b");
    private static final Pattern NEUTRAL_VERSION = Pattern.compile("^(?:original|original mix|original version"
            + "|bonus track|bonus|single|album|lp version|original album version)$");
    private static final Pattern LANGUAGE = Pattern.compile("\\b(?:japanese|korean|english|chinese|mandarin"
            + "|cantonese|spanish|espanol|french|german|italian|portuguese|hindi|tamil|telugu|russian|thai"
            + "|vietnamese|indonesian|tagalog|arabic|turkish)\\b");
    /** Album names that themselves say the tracks are another recording. */
    private static final List<Rule> ALBUM_RULES = List.of(
            // "Live at Wembley", "The End (Live)", "666 Live"; not "Live Laugh Love".
            new Rule(
                    VersionTag.LIVE,
                    Pattern.compile("\\blive (?:at|in|from|on)\\b|[(\\[]live[)\\]]|\\blive$" + "|\\bin concert\\b")),
            new Rule(VersionTag.KARAOKE, Pattern.compile("\\bkaraoke\\b")),
            new Rule(VersionTag.COVER, Pattern.compile("\\bcovers?\\b|\\btribute\\b")),
            new Rule(VersionTag.INSTRUMENTAL, Pattern.compile("\\binstrumentals?\\b")),
            new Rule(VersionTag.REMIX, Pattern.compile("\\bremix(?:es|ed)?\\b")),
            new Rule(VersionTag.ACOUSTIC, Pattern.compile("\\bacoustic\\b|\\bunplugged\\b")));

    private static final List<Rule> RULES = List.of(
            new Rule(VersionTag.REMASTER, Pattern.compile("\\bremaster(?:ed)?\\b|\\bremasterizado\\b")),
            new Rule(VersionTag.ALBUM_VERSION, Pattern.compile("\\balbum version\\b")),
            new Rule(VersionTag.SINGLE_VERSION, Pattern.compile("\\bsingle version\\b")),
            new Rule(VersionTag.MONO, Pattern.compile("\\bmono\\b")),
            new Rule(VersionTag.STEREO, Pattern.compile("\\bstereo\\b")),
            new Rule(VersionTag.EXPLICIT, Pattern.compile("\\bexplicit\\b")),
            new Rule(VersionTag.CLEAN, Pattern.compile("\\bclean\\b")),
            new Rule(VersionTag.LIVE, Pattern.compile("\\blive\\b|\\ben vivo\\b|\\bao vivo\\b")),
            // "2015 Stereo Mix" is a new mix of the same performance: a stereo/mono tag, not a remix.
            new Rule(
                    VersionTag.REMIX,
                    Pattern.compile(
                            "\\bremix(?:es|ed)?\\b|(?<!mono |stereo |original )\\bmix(?:es)?\\b|\\brmx\\b|\\bdub\\b|\\brefix\\b"
                                    + "|\\bbootleg\\b|\\bflip\\b|\\bvip\\b")),
            new Rule(VersionTag.EDIT, Pattern.compile("\\bedit\\b")),
            new Rule(VersionTag.ACOUSTIC, Pattern.compile("\\bacoustic\\b|\\bunplugged\\b|\\bacustic[oa]\\b")),
            new Rule(VersionTag.INSTRUMENTAL, Pattern.compile("\\binstrumental\\b")),
            new Rule(VersionTag.KARAOKE, Pattern.compile("\\bkaraoke\\b")),
            new Rule(
                    VersionTag.COVER,
                    Pattern.compile("\\bcover\\b|originally performed|in the style of" + "|made famous|\\btribute\\b")),
            new Rule(VersionTag.DEMO, Pattern.compile("\\bdemo\\b|\\bouttake\\b|\\brehearsal\\b|\\bwork tape\\b")),
            new Rule(
                    VersionTag.OTHER_VERSION,
                    Pattern.compile("\\balternate\\b|\\balt\\.? take\\b|\\btake \\d"
                            + "|\\bsessions?\\b|\\bearly version\\b|\\bextended\\b|\\bshort version\\b")),
            new Rule(
                    VersionTag.SPED_UP_OR_SLOWED,
                    Pattern.compile("\\bsped up\\b|\\bspeed up\\b|\\bslowed\\b|\\breverb\\b|\\bnightcore\\b")),
            new Rule(
                    VersionTag.RE_RECORDED,
                    Pattern.compile(
                            "\\bre-?record(?:ed|ing)?\\b|taylor's version|\\brework(?:ed)?\\b|\\bre-?imagined\\b")));

    private record Rule(VersionTag tag, Pattern pattern) {}

    /** Parses a track title. */
    public ParsedTitle parseTitle(String title) {
        return parse(title, false);
    }

    /**
     * Parses an album name: edition suffixes (" - Single", " - EP", "(Deluxe Edition)", "(Remastered)") are dropped
     * from the core, and names such as "Live at Wembley" or "Karaoke Hits" yield tags.
     */
    public ParsedTitle parseAlbum(String album) {
        return parse(album, true);
    }

    private ParsedTitle parse(String text, boolean album) {
        String folded = TextNormalizer.fold(text);
        List<String> segments = new ArrayList<>();
        String rest = extractBrackets(folded, segments);
        String[] dashParts = DASH.split(rest);
        String base = dashParts[0];
        for (int i = 1; i < dashParts.length; i++) {
            segments.add(dashParts[i].trim());
        }
        Map<VersionTag, String> tags = new EnumMap<>(VersionTag.class);
        List<String> featured = new ArrayList<>();
        StringBuilder extra = new StringBuilder();
        List<String> years = new ArrayList<>();
        for (String segment : segments) {
            if (YEAR.matcher(segment).matches()) {
                years.add(segment);
            } else {
                classify(segment, album, tags, featured, extra);
            }
        }
        if (!tags.containsKey(VersionTag.REMASTER)) {
            years.forEach(year -> extra.append(' ').append(year));
        }
        if (album && ALBUM_TAG_WORDS.stream().anyMatch(folded::contains)) {
            for (Rule rule : ALBUM_RULES) {
                if (rule.pattern().matcher(folded).find()) {
                    tags.putIfAbsent(rule.tag(), TextNormalizer.key(folded));
                }
            }
        }
        return new ParsedTitle(TextNormalizer.key(base), TextNormalizer.key(extra.toString()), tags, featured);
    }

    private static void classify(
            String segment, boolean album, Map<VersionTag, String> tags, List<String> featured, StringBuilder extra) {
        if (segment.isBlank()) {
            return;
        }
        var feat = FEATURING.matcher(segment);
        if (feat.matches()) {
            featured.addAll(ArtistNames.split(feat.group(1)));
            return;
        }
        if (SOUNDTRACK_NOTE.matcher(segment).find()) {
            return;
        }
        String key = TextNormalizer.key(segment);
        boolean tagged = false;
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(segment).find()) {
                tags.put(rule.tag(), key);
                tagged = true;
            }
        }
        if (tagged || NEUTRAL_VERSION.matcher(key).matches()) {
            return;
        }
        if (album && isEditionNote(key)) {
            return;
        }
        boolean versionWord = VERSION_WORD.matcher(segment).find();
        if (LANGUAGE.matcher(segment).find()
                && (versionWord || LANGUAGE.matcher(key).replaceAll("").isBlank())) {
            tags.put(VersionTag.LANGUAGE_VERSION, key);
        } else if (versionWord && !album) {
            tags.put(VersionTag.OTHER_VERSION, key);
        } else {
            extra.append(' ').append(segment);
        }
    }

    private static boolean isEditionNote(String key) {
        return key.equals("single")
                || key.equals("ep")
                || key.contains("edition")
                || key.contains("deluxe")
                || key.contains("expanded")
                || key.contains("anniversary")
                || key.contains("version")
                || key.contains("bonus");
    }

    /** Moves top-level bracket groups (nesting allowed) into {@code segments}; returns the text outside them. */
    private static String extractBrackets(String text, List<String> segments) {
        StringBuilder outside = new StringBuilder(text.length());
        StringBuilder inside = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean open = c == '(' || c == '[' || c == '{';
            boolean close = c == ')' || c == ']' || c == '}';
            if (open) {
                if (depth > 0) {
                    inside.append(c);
                }
                depth++;
            } else if (close && depth > 0) {
                depth--;
                if (depth == 0) {
                    segments.add(inside.toString().trim());
                    inside.setLength(0);
                    outside.append(' ');
                } else {
                    inside.append(c);
                }
            } else if (depth > 0) {
                inside.append(c);
            } else {
                outside.append(c);
            }
        }
        if (depth > 0) {
            outside.append(' ').append(inside);
        }
        return outside.toString().trim();
    }
}
