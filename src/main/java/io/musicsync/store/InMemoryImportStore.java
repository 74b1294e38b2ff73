package io.musicsync.store;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Imports kept in memory ({@code STANDALONE_STORE=memory}, and Temporal mode's CLI import): gone with the process. */
public final class InMemoryImportStore implements ImportStore {

    private final Map<String, StoredImport> imports = new LinkedHashMap<>();
    private final Map<String, List<RowStatus>> rows = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(ImportRequest request, Instant at) {
        if (imports.containsKey(request.importId())) {
            return false;
        }
        imports.put(request.importId(), StoredImport.of(request, at));
        List<RowStatus> all = new ArrayList<>();
        for (ImportRow row : request.rows()) {
            all.add(new RowStatus(row, null));
        }
        rows.put(request.importId(), all);
        return true;
    }

    @Override
    public synchronized Optional<StoredImport> find(String importId) {
        return Optional.ofNullable(imports.get(importId));
    }

    @Override
    public synchronized ImportCounts counts(String importId) {
        List<RowStatus> all = rows.getOrDefault(importId, List.of());
        Map<RowOutcome, Integer> byOutcome = new EnumMap<>(RowOutcome.class);
        for (RowStatus row : all) {
            if (row.done()) {
                byOutcome.merge(row.resolution().outcome(), 1, Integer::sum);
            }
        }
        return new ImportCounts(all.size(), byOutcome);
    }

    @Override
    public synchronized List<RowStatus> rows(String importId, int afterRow, int limit) {
        List<RowStatus> all = rows.getOrDefault(importId, List.of());
        int from = Math.min(Math.max(afterRow, 0), all.size());
        return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
    }

    @Override
    public synchronized List<ImportRow> pending(String importId) {
        return rows.getOrDefault(importId, List.of()).stream()
                .filter(r -> !r.done())
                .map(RowStatus::row)
                .toList();
    }

    @Override
    public synchronized void rowDone(String importId, int row, Resolution resolution) {
        List<RowStatus> all = rows.get(importId);
        RowStatus current = all.get(row - 1);
        if (!current.done()) {
            all.set(row - 1, new RowStatus(current.row(), resolution));
        }
    }

    @Override
    public synchronized void playlistChosen(String importId, String playlistId) {
        imports.computeIfPresent(importId, (id, stored) -> stored.withPlaylist(playlistId));
    }

    @Override
    public synchronized void finished(String importId, ImportState state, String error, Instant at) {
        imports.computeIfPresent(importId, (id, stored) -> stored.finished(state, error, at));
    }

    @Override
    public synchronized List<StoredImport> unfinished() {
        return imports.values().stream()
                .filter(i -> !i.state().isTerminal())
                .sorted(Comparator.comparing(StoredImport::createdAt))
                .toList();
    }

    @Override
    public synchronized List<StoredImport> newest(int limit) {
        return imports.values().stream()
                .sorted(Comparator.comparing(StoredImport::createdAt)
                        .thenComparing(StoredImport::importId)
                        .reversed())
                .limit(limit)
                .toList();
    }
}
