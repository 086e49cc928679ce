package org.rtvsim.measure;

/** Receives every job of the periodic tasks whose {@link ResponseTimeRecorder} has it, for a per-job log. */
public interface JobSink {
    void job(String task, JobRow row);
}
