package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.SyncActivity;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ActivityTypesTest {

    @Test
    void theNamesAreTheOnesTheSdkGivesTheActivityInterface() {
        var sdkNames =
                POJOActivityInterfaceMetadata.newInstance(TemporalSyncActivities.class).getMethodsMetadata().stream()
                        .map(POJOActivityMethodMetadata::getActivityTypeName)
                        .toList();

        assertThat(Arrays.stream(SyncActivity.values()).map(ActivityTypes::typeOf))
                .containsExactlyInAnyOrderElementsOf(sdkNames);
    }

    @Test
    void aRecordedTypeLeadsBackToItsActivity() {
        for (SyncActivity activity : SyncActivity.values()) {
            assertThat(ActivityTypes.activityOf(ActivityTypes.typeOf(activity))).contains(activity);
        }
        assertThat(ActivityTypes.activityOf("SomethingElse")).isEmpty();
    }

    @Test
    void recordedHistoriesKeepTheirNames() {
        assertThat(ActivityTypes.typeOf(SyncActivity.ADD)).isEqualTo("AddToPlaylist");
        assertThat(ActivityTypes.typeOf(SyncActivity.SEARCH)).isEqualTo("SearchTracks");
    }
}
