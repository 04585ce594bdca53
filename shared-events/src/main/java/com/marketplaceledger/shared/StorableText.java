package com.marketplaceledger.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Text the ledger can keep: PostgreSQL stores no NUL character (U+0000) in text or JSONB, so an
 * event carrying one could be appended (its payload is bytes) but never projected, and would stop
 * every read model at it. Commands are checked for it before they are sent.
 */
public final class StorableText {

    /** Every command passes here: a record's components are looked up once per class, not per call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private StorableText() {
    }

    /** The fields of a command (a record, walked through nested records, lists and maps) holding a NUL. */
    public static List<String> fieldsWithNul(Object command) {
        List<String> found = new ArrayList<>();
        walk(command, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0) {
                found.add(path);
            }
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                walk(key, path, found);
                walk(item, path + "[" + key + "]", found);
            });
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : COMPONENTS.get(value.getClass())) {
                walk(read(component, value), path.isEmpty() ? component.getName() : path + "." + component.getName(), found);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
