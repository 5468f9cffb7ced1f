package org.healthportal.cms.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a record's components as EL properties ({@code #{teaser.title}}), as Jakarta EL 6 will. EL 5 only knows
 * getters, so a record needed {@code #{teaser.title()}}, a method call that looks the method up by reflection on
 * every evaluation: on a public page with a hundred of them that was the largest part of an uncached render.
 * Accessors are looked up once per record class.
 */
public class RecordELResolver extends ELResolver {

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.put(component.getName(), accessor);
            }
            return Map.copyOf(accessors);
        }
    };

    private static Method accessor(Object base, Object property) {
        return base instanceof Record && property instanceof String name ? ACCESSORS.get(base.getClass()).get(name) : null;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        try {
            return accessor.invoke(base);
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (accessor(base, property) != null) {
            context.setPropertyResolved(base, property);
            throw new PropertyNotWritableException("A record is read-only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (accessor(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof Record ? String.class : null;
    }
}
