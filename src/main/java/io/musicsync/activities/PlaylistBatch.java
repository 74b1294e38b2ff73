package io.musicsync.activities;

import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One write of a playlist's writer, the same in both modes: read the playlist's version (and the whole playlist
 * only when somebody else changed it), answer the requests for tracks it already holds, add the others in one call,
 * then read back the entries just added. A track the read-back does not show yet is trusted on the service's
 * acceptance of the add (its reads lag behind its writes). Deterministic: it calls only the {@link PlaylistService}
 * it is given (in Temporal mode, activity stubs) and keeps no state; the ledger goes in and comes out.
 */
public final class PlaylistBatch {

    /** The most entries one page read returns. */
    private static final int PAGE = 50;

    private PlaylistBatch() {}

    /**
     * The outcome of a write.
     *
     * @param ledger what the writer knows afterwards
     * @param outcomes one per request, in request order
     */
    public record Result(WriterLedger ledger, List<AddOutcome> outcomes) {}

    /**
     * @param requests at most {@link PlaylistService#MAX_ADD_BATCH}; the same track may be asked for several times
     */
    public static Result write(
            PlaylistService playlists, String playlistId, WriterLedger ledger, List<AddRequest> requests) {
        if (requests.size() > PlaylistService.MAX_ADD_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + PlaylistService.MAX_ADD_BATCH + " requests");
        }
        String snapshot = playlists.playlistSnapshot(playlistId);
        WriterLedger current =
                ledger.knows(snapshot) ? ledger : ledger.withRead(snapshot, playlists.allPlaylistUris(playlistId));
        Map<String, Integer> positions = current.positions();

        Map<String, AddRequest> toAdd = new LinkedHashMap<>();
        for (AddRequest request : requests) {
            if (!positions.containsKey(request.trackUri())) {
                toAdd.putIfAbsent(request.trackUri(), request);
            }
        }
        String added = null;
        Set<String> readBack = Set.of();
        int start = current.contents().size();
        if (!toAdd.isEmpty()) {
            List<String> uris = List.copyOf(toAdd.keySet());
            added = playlists.addItems(playlistId, uris);
            current = current.withAdded(List.copyOf(toAdd.values()), added);
            readBack = readBack(playlists, playlistId, start, uris);
            positions = current.positions();
        }

        List<AddOutcome> outcomes = new ArrayList<>(requests.size());
        for (AddRequest request : requests) {
            String uri = request.trackUri();
            int position = positions.get(uri);
            AddRequest addedFor = toAdd.get(uri);
            if (addedFor != null && addedFor.requestId().equals(request.requestId())) {
                AddConfirmation how = readBack.contains(uri) ? AddConfirmation.READ_BACK : AddConfirmation.ADD_ACCEPTED;
                outcomes.add(new AddOutcome(true, position, added, how));
            } else if (request.requestId().equals(current.addedBy().get(uri))) {
                // The same request again (a retried delivery): it was this request's add.
                outcomes.add(new AddOutcome(true, position, null, AddConfirmation.WRITER_RECORD));
            } else {
                AddConfirmation how = current.addedBy().containsKey(uri)
                        ? AddConfirmation.WRITER_RECORD
                        : AddConfirmation.PLAYLIST_READ;
                outcomes.add(new AddOutcome(false, position, null, how));
            }
        }
        return new Result(current, outcomes);
    }

    /**
     * The just-added URIs a read of their entries shows; stops at the first page the service does not show yet. A
     * read that fails leaves the rest unconfirmed: the add was accepted, and that is the truth for our adds.
     */
    private static Set<String> readBack(PlaylistService playlists, String playlistId, int start, List<String> uris) {
        Set<String> shown = new HashSet<>();
        int read = 0;
        while (read < uris.size()) {
            int limit = Math.min(PAGE, uris.size() - read);
            PlaylistPage page;
            try {
                page = playlists.playlistItems(playlistId, start + read, limit);
            } catch (RuntimeException unconfirmed) {
                return shown;
            }
            for (int i = 0; i < page.uris().size(); i++) {
                if (read + i < uris.size()
                        && uris.get(read + i).equals(page.uris().get(i))) {
                    shown.add(uris.get(read + i));
                }
            }
            if (page.uris().size() < limit) {
                break;
            }
            read += limit;
        }
        return shown;
    }
}
