package io.musicsync.matching;

import io.musicsync.songtext.IndelRatio;
import io.musicsync.songtext.ParsedTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How alike two parsed titles are. */
final class TitleComparison {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Weight of the core title when only one side has an unclassified suffix. */
    private static final double ONE_SIDED_SUFFIX = 0.9;

    private TitleComparison() {}

    /** Core titles compared; suffixes we could not classify count only when both sides have them. */
    static double similarity(ParsedTitle request, ParsedTitle candidate) {
        double core = IndelRatio.of(request.core(), candidate.core());
        if (request.extra().equals(candidate.extra())) {
            return core;
        }
        double full = IndelRatio.of(full(request), full(candidate));
        return Math.max(full, ONE_SIDED_SUFFIX * core);
    }

    /** "Pt. 2", "Symphony No. 5", "7 Rings": titles naming different numbers are different pieces. */
    static boolean sameNumbers(ParsedTitle request, ParsedTitle candidate) {
        return numbers(request).equals(numbers(candidate));
    }

    private static String full(ParsedTitle title) {
        return (title.core() + " " + title.extra()).trim();
    }

    private static List<String> numbers(ParsedTitle title) {
        List<String> numbers = new ArrayList<>();
        var matcher = NUMBER.matcher(full(title));
        while (matcher.find()) {
            numbers.add(matcher.group().replaceFirst("^0+(?=\\d)", ""));
        }
        return numbers;
    }
}
