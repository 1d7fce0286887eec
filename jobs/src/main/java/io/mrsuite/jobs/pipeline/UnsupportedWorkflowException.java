package io.mrsuite.jobs.pipeline;

/**
 * A workflow file uses something the local runner does not implement (an element, attribute, EL function or
 * undeclared variable), or breaks a rule Oozie enforces: raised when the file is loaded, before anything
 * runs, so the files cannot drift from what the runner understands without a loud failure; and, for what
 * only a run can tell (a required parameter without a value, a decision case that is neither true nor false,
 * a fork whose paths do not meet), when the run gets there.
 */
public class UnsupportedWorkflowException extends Exception {
  public UnsupportedWorkflowException(String message) {
    super(message);
  }
}
