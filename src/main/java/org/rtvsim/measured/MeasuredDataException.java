package org.rtvsim.measured;

/** Malformed or unsupported measured-data input; the message reads {@code file:line: expected …; got …}. */
public final class MeasuredDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MeasuredDataException(String message) {
        super(message, null, false, false);
    }

    static MeasuredDataException at(String file, int line, String expected, String got) {
        String shown = got == null ? "end of file" : "\"" + (got.length() > 80 ? got.substring(0, 80) + "…" : got) + "\"";
        return new MeasuredDataException(file + ":" + line + ": " + expected + "; got " + shown);
    }
}
