package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A playlist object; its entries are referenced by {@code items{href,total}} (formerly {@code tracks}). */
record PlaylistJson(
        boolean collaborative,
        String description,
        String href,
        String id,
        List<Object> images,
        String name,
        UserJson owner,
        @JsonProperty("public") boolean isPublic,
        @JsonProperty("snapshot_id") String snapshotId,
        ItemsRef items,
        String type,
        String uri) {

    record ItemsRef(String href, int total) {}
}
