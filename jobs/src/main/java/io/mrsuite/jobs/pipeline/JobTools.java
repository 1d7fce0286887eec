package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.tool.MrSuiteTool;
import java.util.Optional;

/** Makes the tool of a job of the jar by its name, for a java action to run; empty when there is no such job. */
@FunctionalInterface
public interface JobTools {
  Optional<MrSuiteTool> tool(String job);
}
