package org.rtvsim.kernel;

/**
 * Told whenever what occupies a CPU changes label. A guest CPU whose vCPU thread lives on that host CPU
 * follows it, so that time the guest loses to the host is charged to what the host does meanwhile.
 */
public interface BlameFollower {

    void hostBlameChanged();
}
