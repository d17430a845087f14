package leaderlab.shell.command;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** A minimal JSON writer: objects keep insertion order, so output is stable for scripts. */
public final class Json {

    private final StringBuilder out = new StringBuilder();
    private boolean needsComma;

    public Json beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    public Json endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    public Json beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    public Json endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    public Json name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    public Json value(Object value) {
        separate();
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof int[] ints) {
            out.append('[');
            for (int i = 0; i < ints.length; i++) {
                out.append(i == 0 ? "" : ",").append(ints[i]);
            }
            out.append(']');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            needsComma = false;
            items.forEach(this::value);
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            needsComma = false;
            map.forEach((k, v) -> name(String.valueOf(k)).value(v));
            out.append('}');
        } else {
            string(value.toString());
        }
        needsComma = true;
        return this;
    }

    public Json field(String name, Object value) {
        return name(name).value(value);
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
        needsComma = false;
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
