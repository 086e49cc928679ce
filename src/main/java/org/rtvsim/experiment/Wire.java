package org.rtvsim.experiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the immutable value objects of a run — a bound {@code ScenarioSpec} going to a worker, a
 * {@code RunResult} coming back, a partial result on disk — into bytes and back, without asking the
 * model's records to implement {@link Serializable}. It is Java serialization with one substitution: a
 * record (or a plain value class) that is not serializable travels as a {@link Proxy} of its class name
 * and component (field) values, and is rebuilt through its canonical constructor (or its fields) on
 * reading. Lists, maps, enums, arrays, strings and serializable library objects (HdrHistogram) travel as
 * themselves. The same object graph always gives the same bytes.
 *
 * <p>Only data written by this class is read back; the reader accepts only {@link Proxy}, JDK types,
 * HdrHistogram and {@code org.rtvsim} types, so a foreign file fails instead of instantiating arbitrary classes.
 */
public final class Wire {
    private Wire() {
    }

    /** The bytes of {@code value}. */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(value, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** The value encoded by {@link #toBytes}. */
    public static <T> T fromBytes(byte[] bytes, Class<T> type) {
        try {
            return read(new ByteArrayInputStream(bytes), type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} to {@code out} (not closed). */
    public static void write(Object value, OutputStream out) throws IOException {
        ObjectOutputStream o = new Out(out);
        o.writeObject(value);
        o.flush();
    }

    /** Reads one value of {@code type} from {@code in}; an {@link IOException} when it is not one. */
    public static <T> T read(InputStream in, Class<T> type) throws IOException {
        try {
            Object v = new In(in).readObject();
            if (!type.isInstance(v)) {
                throw new IOException("expected a " + type.getName() + ", found "
                        + (v == null ? "nothing" : v.getClass().getName()));
            }
            return type.cast(v);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IOException("not a value written by this version of rtvsim (" + e.getMessage() + ")", e);
        }
    }

    /** A value object by class name and the values of its components (records) or fields (other classes). */
    record Proxy(String type, Object[] values) implements Serializable {
    }

    private static final class Out extends ObjectOutputStream {
        Out(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj == null || obj instanceof Serializable || obj instanceof Proxy) {
                return obj;
            }
            Class<?> c = obj.getClass();
            if (!c.getName().startsWith("org.rtvsim.")) {
                throw new IOException(c.getName() + " cannot be encoded");
            }
            try {
                if (c.isRecord()) {
                    RecordComponent[] rc = c.getRecordComponents();
                    Object[] values = new Object[rc.length];
                    for (int i = 0; i < rc.length; i++) {
                        Field f = c.getDeclaredField(rc[i].getName());
                        f.setAccessible(true);
                        values[i] = f.get(obj);
                    }
                    return new Proxy(c.getName(), values);
                }
                List<Field> fields = fields(c);
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = fields.get(i).get(obj);
                }
                return new Proxy(c.getName(), values);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot encode " + c.getName() + ": " + e, e);
            }
        }
    }

    private static final class In extends ObjectInputStream {
        In(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String n = desc.getName();
            String base = n.replaceFirst("^\\[+L?", "");
            if (n.startsWith("[") && base.length() <= 1
                    || base.startsWith("java.") || base.startsWith("org.rtvsim.") || base.startsWith("org.HdrHistogram.")) {
                return Class.forName(n, false, Wire.class.getClassLoader());
            }
            throw new ClassNotFoundException(n + " is not an rtvsim value");
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (!(obj instanceof Proxy p)) {
                return obj;
            }
            try {
                Class<?> c = Class.forName(p.type(), false, Wire.class.getClassLoader());
                if (!c.getName().startsWith("org.rtvsim.")) {
                    throw new IOException(c.getName() + " is not an rtvsim value");
                }
                if (c.isRecord()) {
                    RecordComponent[] rc = c.getRecordComponents();
                    Class<?>[] types = new Class<?>[rc.length];
                    for (int i = 0; i < rc.length; i++) {
                        types[i] = rc[i].getType();
                    }
                    Constructor<?> k = c.getDeclaredConstructor(types);
                    k.setAccessible(true);
                    return k.newInstance(p.values());
                }
                Object o = unsafeAllocate(c);
                List<Field> fields = fields(c);
                for (int i = 0; i < fields.size(); i++) {
                    fields.get(i).set(o, p.values()[i]);
                }
                return o;
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot rebuild " + p.type() + ": " + e, e);
            }
        }
    }

    /** The instance fields of {@code c} and its superclasses below Object, accessible, in a fixed order. */
    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return out;
    }

    /**
     * An instance of a plain value class without running its constructors (its fields are set next), as
     * Java serialization makes one: through the JDK's serialization constructor of Object.
     */
    private static Object unsafeAllocate(Class<?> c) throws ReflectiveOperationException {
        Constructor<?> k = sun.reflect.ReflectionFactory.getReflectionFactory()
                .newConstructorForSerialization(c, Object.class.getDeclaredConstructor());
        return k.newInstance();
    }
}
