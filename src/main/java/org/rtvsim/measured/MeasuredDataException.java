package org.rtvsim.measured;

/**
 * Malformed or unsupported measured-data input; the message reads {@code file:line: expected …; got …}.
 * The offending line is described by its shape ({@link #shape}), never quoted: a measured-data path may name any
 * file (a system file, someone else's data), and an error message must not echo its content (issue 19).
 */
public final class MeasuredDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MeasuredDataException(String message) {
        super(message, null, false, false);
    }

    static MeasuredDataException at(String file, int line, String expected, String got) {
        return new MeasuredDataException(file + ":" + line + ": " + expected + "; got "
                + (got == null ? "end of file" : shape(got)));
    }

    /**
     * What a line looks like without its content: its fields (split at the first separator it uses among tab,
     * comma, colon and spaces) classified as integer, number or text, e.g. {@code a line of 2 comma-separated
     * fields (integer, text)}; a blank line and a line of one field are named as such.
     */
    static String shape(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return "a blank line";
        }
        String sep;
        String sepName;
        if (t.indexOf('\t') >= 0) {
            sep = "\t";
            sepName = "tab";
        } else if (t.indexOf(',') >= 0) {
            sep = ",";
            sepName = "comma";
        } else if (t.indexOf(':') >= 0) {
            sep = ":";
            sepName = "colon";
        } else {
            sep = " +";
            sepName = "space";
        }
        String[] f = t.split(sep, -1);
        if (f.length == 1) {
            return "a line of one field (" + kind(f[0]) + ", " + t.length() + " characters)";
        }
        StringBuilder kinds = new StringBuilder();
        int shown = Math.min(f.length, 6);
        for (int i = 0; i < shown; i++) {
            kinds.append(i == 0 ? "" : ", ").append(kind(f[i]));
        }
        if (f.length > shown) {
            kinds.append(", …");
        }
        return "a line of " + f.length + " " + sepName + "-separated fields (" + kinds + ")";
    }

    /** One field without its content: its kind and length, e.g. {@code text of 3 characters}. */
    static String token(String field) {
        return kind(field) + " of " + field.length() + " characters";
    }

    private static String kind(String field) {
        String s = field.strip();
        if (s.isEmpty()) {
            return "empty";
        }
        if (s.matches("[+-]?\\d+")) {
            return s.startsWith("-") ? "negative integer" : "integer";
        }
        if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return "number";
        }
        return "text";
    }
}
