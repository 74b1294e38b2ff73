package io.musicsync.eval;

import java.util.List;

/** A tiny labelled case file in the match-eval format, with Spotify track objects as search returns them. */
public final class EvalCases {

    private EvalCases() {}

    public static String track(String id, String name, String artist, String album, int durationMs, boolean explicit) {
        return """
                {"id":"%1$s","uri":"spotify:track:%1$s","type":"track","name":"%2$s",\
                "artists":[{"id":"a1","name":"%3$s","type":"artist"}],\
                "album":{"id":"b1","name":"%4$s","release_date":"1975-11-21"},\
                "duration_ms":%5$d,"explicit":%6$s,"external_ids":{}}""".formatted(id, name, artist, album, durationMs, explicit);
    }

    /** Present (remaster acceptable), absent (only a live take), and one wrongly labelled to make a wrong add. */
    public static List<String> lines() {
        String remaster = track(
                "remaster0000000000000a",
                "Bohemian Rhapsody - Remastered 2011",
                "Queen",
                "A Night At The Opera (2011 Remaster)",
                354_320,
                false);
        String live = track(
                "live00000000000000000a",
                "Bohemian Rhapsody - Live Aid",
                "Queen",
                "Bohemian Rhapsody (The Original Soundtrack)",
                120_000,
                false);
        String song = """
                {"title":"Bohemian Rhapsody","artist":"Queen","album":"A Night at the Opera","duration_ms":354947}""";
        return List.of(
                """
                {"id":"present","song":%s,"candidates":[%s,%s],"expected":["spotify:track:remaster0000000000000a"]}""".formatted(song, live, remaster), """
                {"id":"absent","song":%s,"candidates":[%s],"expected":[]}""".formatted(song, live), """
                {"id":"mislabelled","song":%s,"candidates":[%s,%s],"expected":["spotify:track:live00000000000000000a"]}""".formatted(song, remaster, live));
    }
}
