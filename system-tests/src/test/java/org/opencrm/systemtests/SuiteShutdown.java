package org.opencrm.systemtests;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the running suite's JVMs when the test session ends, before the test JVM exits. */
public class SuiteShutdown implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RunningSuite.stop();
    }
}
