package org.imcsim.config;

/**
 * Bad user input (a config, sweep file, model file, dataset or command-line value): the CLI
 * prints {@link #getMessage()} as one line and exits with code 2, with no stack trace unless
 * {@code --debug}. The message always names the source (file or option) and, where there is one,
 * the field path, then what was expected:
 * {@code config.yaml: crossbar.rows: must be a power of two, got 100}.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String field;

    /**
     * @param source the file or option the input came from (e.g. {@code "my.yaml"}, {@code "--set"}); may be null
     * @param field  the dotted field path inside it (e.g. {@code "periphery.adc.bits"}); may be null
     * @param detail what was wrong and what was expected
     */
    public BadInputException(String source, String field, String detail) {
        this(source, field, detail, null);
    }

    public BadInputException(String source, String field, String detail, Throwable cause) {
        super(compose(source, field, detail), cause);
        this.source = source;
        this.field = field;
    }

    /** The file or option, or null. */
    public String source() {
        return source;
    }

    /** The dotted field path, or null. */
    public String field() {
        return field;
    }

    private static String compose(String source, String field, String detail) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(detail).toString();
    }
}
