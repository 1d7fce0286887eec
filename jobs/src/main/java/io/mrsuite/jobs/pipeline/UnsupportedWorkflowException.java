package io.mrsuite.jobs.pipeline;

/**
 * A workflow file uses something the local runner does not implement, or breaks a rule Oozie enforces.
 *
 * <p>Unimplemented means an element, attribute, EL function or undeclared variable. The exception is raised
 * when the file is loaded, before anything runs, so the files cannot drift from what the runner understands
 * without a loud failure. What only a run can tell (a required parameter without a value, a decision case
 * that is neither true nor false, a fork whose paths do not meet) raises it when the run gets there.
 */
public class UnsupportedWorkflowException extends Exception {
  public UnsupportedWorkflowException(String message) {
    super(message);
  }
}
