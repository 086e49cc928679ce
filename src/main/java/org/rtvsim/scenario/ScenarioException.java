package org.rtvsim.scenario;

/**
 * A scenario that cannot be loaded: where (file, line, column), which key (a dotted path such as
 * {@code host.kernel.preempt} or {@code vms[rt].idle}), and what was expected.
 *
 * <p>{@link #getMessage()} renders {@code FILE:LINE:COL: KEY: what was expected; got ...}; line and
 * column are 0 when unknown and then left out. The CLI prints this message alone (exit code 2).
 */
public final class ScenarioException extends RuntimeException {
    /** The pseudo file name of values given with {@code --set}. */
    public static final String COMMAND_LINE = "<command line>";

    private final String file;
    private final int line;
    private final int column;
    private final String key;
    private final String detail;

    public ScenarioException(String file, int line, int column, String key, String detail) {
        super(detail, null, false, false);
        this.file = file == null ? "" : file;
        this.line = line;
        this.column = column;
        this.key = key == null ? "" : key;
        this.detail = detail;
    }

    /** An error at a node of the tree. */
    public ScenarioException(Node.Location at, String key, String detail) {
        this(at.file(), at.line(), at.column(), key, detail);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String key() {
        return key;
    }

    /** What was expected and what was found, without the location. */
    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(detail).toString();
    }
}
