package io.mrsuite.jobs.run;

import java.io.IOException;
import java.net.InetAddress;

/** This process's host and pid, and whether a process named by them is known to be dead. */
final class ThisProcess {
  private ThisProcess() {
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }

  /** True only for a process of this host that is gone; another host's process cannot be checked from here. */
  static boolean deadHere(String host, long pid) {
    return host.equals(host()) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
