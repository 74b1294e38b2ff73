package io.musicsync.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/** Opens a URL for the user; injectable so the login command can be run in tests without a desktop. */
@FunctionalInterface
public interface Browser {

    /** @return true when a browser was opened */
    boolean open(URI uri);

    /** The desktop's browser when there is one; on a headless machine nothing happens (the URL is printed). */
    static Browser desktop() {
        return uri -> {
            if (GraphicsEnvironment.isHeadless()
                    || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return false;
            }
            try {
                Desktop.getDesktop().browse(uri);
                return true;
            } catch (Exception e) {
                return false;
            }
        };
    }
}
