package io.mrsuite.jobs.pipeline;

/**
 * A workflow file uses something the local runner does not implement (an element, attribute, EL function or
 * undeclared variable), or breaks a rule Oozie would enforce at submission. Raised when the file is loaded,
 * before anything runs, so the files cannot drift from what the runner understands without a loud failure.
 */
public class UnsupportedWorkflowException extends Exception {
  public UnsupportedWorkflowException(String message) {
    super(message);
  }
}
