package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.store.InMemoryDecisionMemory;
import io.musicsync.support.PlaylistPages;
import io.musicsync.sync.DecisionKeys;
import io.musicsync.sync.SyncActivities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The edge fake for workflow tests: a tiny in-memory Spotify behind {@link SyncActivities} and, for the playlist
 * writer, {@link PlaylistService} (its add is the ADD step). Each step can be given failures to throw first, and
 * can be made to block until released (or interrupted by a cancel).
 */
final class FakeSpotifyActivities implements SyncActivities, PlaylistService {
    private final InMemoryDecisionMemory decisions = new InMemoryDecisionMemory();

    static final CatalogTrack TRACK = new CatalogTrack(
            "4uLU6hMCjMI75M1A2tKUQC",
            "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
            "Never Gonna Give You Up",
            List.of("Rick Astley"),
            "Whenever You Need Somebody",
            "1987-11-12",
            213_573,
            false,
            "GBARL9300135");
    static final CatalogTrack COVER = new CatalogTrack(
            "1111111111111111111111",
            "spotify:track:1111111111111111111111",
            "Never Gonna Give You Up",
            List.of("Cover Band"),
            "Covers",
            "2010-01-01",
            200_000,
            false,
            null);

    /** One step of the pipeline, so a test can script failures and blocking per step. */
    enum Step {
        SEARCH,
        MATCH,
        DISAMBIGUATE,
        ADD,
        VERIFY
    }

    private final Map<Step, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<Step, List<RuntimeException>> failures = new ConcurrentHashMap<>();
    private final Map<Step, CountDownLatch> gates = new ConcurrentHashMap<>();
    final CountDownLatch blockedStepEntered = new CountDownLatch(1);
    final CountDownLatch blockedStepInterrupted = new CountDownLatch(1);
    private final List<String> playlist = Collections.synchronizedList(new ArrayList<>());
    private volatile List<CatalogTrack> catalogue = List.of(TRACK);
    private volatile MatchOutcome outcome = MatchOutcome.ADD;
    private volatile AiChoice aiChoice = new AiChoice(TRACK.uri(), 0.9, "original recording", "claude", "test-model");
    private volatile boolean addLock = true;
    private volatile List<String> shownToReads;
    private final AtomicInteger addsRunning = new AtomicInteger();
    private final AtomicInteger mostAddsAtOnce = new AtomicInteger();
    private final CountDownLatch concurrentAdd = new CountDownLatch(1);

    FakeSpotifyActivities withCatalogue(List<CatalogTrack> tracks) {
        catalogue = List.copyOf(tracks);
        return this;
    }

    FakeSpotifyActivities withOutcome(MatchOutcome matchOutcome) {
        outcome = matchOutcome;
        return this;
    }

    FakeSpotifyActivities withAiChoice(AiChoice choice) {
        aiChoice = choice;
        return this;
    }

    /** The step throws these, in order, before it succeeds. */
    FakeSpotifyActivities failing(Step step, RuntimeException... errors) {
        failures.put(step, Collections.synchronizedList(new ArrayList<>(List.of(errors))));
        return this;
    }

    /**
     * The step waits for {@link #release} (or an interrupt) after signalling {@link #blockedStepEntered}, then throws
     * its failures, if it has any.
     */
    FakeSpotifyActivities blocking(Step step) {
        gates.put(step, new CountDownLatch(1));
        return this;
    }

    void release(Step step) {
        gates.get(step).countDown();
    }

    int calls(Step step) {
        return calls.computeIfAbsent(step, s -> new AtomicInteger()).get();
    }

    List<String> playlist() {
        return List.copyOf(playlist);
    }

    @Override
    public List<CatalogTrack> searchTracks(SongQuery song) {
        return step(Step.SEARCH, () -> catalogue);
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        return step(Step.MATCH, () -> {
            List<ScoredCandidate> ranked = candidates.stream()
                    .map(t -> new ScoredCandidate(t, t.equals(TRACK) ? 0.97 : 0.6, Map.of("title", 1.0), List.of()))
                    .toList();
            ScoredCandidate chosen = outcome == MatchOutcome.ADD ? ranked.get(0) : null;
            return new MatchDecision(
                    outcome, chosen, outcome == MatchOutcome.ADD ? "fuzzy" : "none", ranked, List.of("title matches"));
        });
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return step(Step.DISAMBIGUATE, () -> aiChoice);
    }

    /**
     * Like Spotify seen from several worker processes: no lock around check-then-add, and an add that found the
     * track missing waits (up to two seconds) for a concurrent add to start before it appends, so a race that can
     * happen does happen.
     */
    FakeSpotifyActivities withoutAddLock() {
        addLock = false;
        return this;
    }

    int mostAddsAtOnce() {
        return mostAddsAtOnce.get();
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        return step(Step.ADD, () -> {
            if (addLock) {
                synchronized (playlist) {
                    return checkThenAdd(trackUri);
                }
            }
            int running = addsRunning.incrementAndGet();
            mostAddsAtOnce.accumulateAndGet(running, Math::max);
            if (running > 1) {
                concurrentAdd.countDown();
            }
            try {
                if (playlist.contains(trackUri)) {
                    return new AddOutcome(false, playlist.indexOf(trackUri), null);
                }
                awaitQuietly(concurrentAdd);
                return checklessAdd(trackUri);
            } finally {
                addsRunning.decrementAndGet();
            }
        });
    }

    private AddOutcome checkThenAdd(String trackUri) {
        int existing = playlist.indexOf(trackUri);
        return existing >= 0 ? new AddOutcome(false, existing, null) : checklessAdd(trackUri);
    }

    private AddOutcome checklessAdd(String trackUri) {
        playlist.add(trackUri);
        return new AddOutcome(true, playlist.size() - 1, "snapshot-" + playlist.size());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        step(Step.VERIFY, () -> playlist.contains(trackUri));
    }

    @Override
    public ReviewChoice recallDecision(SongQuery song) {
        return decisions.recall(DecisionKeys.of(song)).orElse(null);
    }

    @Override
    public void rememberDecision(SongQuery song, ReviewChoice choice) {
        decisions.remember(DecisionKeys.of(song), choice);
    }

    /** From now on the playlist's reads show it as it is now, as if Spotify's reads lagged without end. */
    FakeSpotifyActivities hideWritesFromReads() {
        shownToReads = playlist();
        return this;
    }

    private List<String> readable() {
        List<String> shown = shownToReads;
        return shown != null ? shown : playlist();
    }

    @Override
    public String playlistSnapshot(String playlistId) {
        return "snapshot-" + readable().size();
    }

    @Override
    public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
        return PlaylistPages.slice(readable(), offset, limit);
    }

    @Override
    public List<String> allPlaylistUris(String playlistId) {
        return readable();
    }

    /** The writer's add: appends as Spotify does, duplicates included (the writer must not ask for them). */
    @Override
    public String addItems(String playlistId, List<String> uris) {
        return step(Step.ADD, () -> {
            int running = addsRunning.incrementAndGet();
            mostAddsAtOnce.accumulateAndGet(running, Math::max);
            try {
                playlist.addAll(uris);
                return "snapshot-" + playlist.size();
            } finally {
                addsRunning.decrementAndGet();
            }
        });
    }

    private <T> T step(Step step, Supplier<T> body) {
        calls.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
        CountDownLatch gate = gates.get(step);
        if (gate != null) {
            blockedStepEntered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                blockedStepInterrupted.countDown();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        List<RuntimeException> pending = failures.get(step);
        if (pending != null && !pending.isEmpty()) {
            throw pending.remove(0);
        }
        return body.get();
    }
}
