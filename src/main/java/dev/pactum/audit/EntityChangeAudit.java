package dev.pactum.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;

/**
 * Before and after of the app's own rows: Hibernate tells, after each commit, which entities a request inserted,
 * updated or deleted, and this puts the changed values into the request's {@link AuditScope} ({@code "Contract#12":
 * {"status": "DRAFT"}} before, {@code {"status": "IN_APPROVAL"}} after). Registered with Hibernate from the outside
 * (an {@link Integrator}); no entity knows about it. Outside an HTTP request (the job executor, start-up) it does
 * nothing: the engine's history covers the engine's own work.
 *
 * <p>Values are kept small: text is cut at {@value #MAX_TEXT} characters, binary content is shown by its size, the
 * optimistic-lock version is left out.
 */
class EntityChangeAudit implements Integrator, PostCommitInsertEventListener, PostCommitUpdateEventListener,
        PostCommitDeleteEventListener {

    static final int MAX_TEXT = 200;

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                          SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry listeners = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_COMMIT_INSERT, this);
        listeners.appendListeners(EventType.POST_COMMIT_UPDATE, this);
        listeners.appendListeners(EventType.POST_COMMIT_DELETE, this);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // Nothing to release.
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return true;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        AuditScope scope = AuditScope.current();
        if (scope == null) {
            return;
        }
        scope.created(object(event.getPersister(), event.getId()),
                values(event.getPersister(), event.getState(), event.getFactory()));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        AuditScope scope = AuditScope.current();
        if (scope == null) {
            return;
        }
        String object = object(event.getPersister(), event.getId());
        Map<String, Object> now = values(event.getPersister(), event.getState(), event.getFactory());
        if (event.getOldState() == null) {
            now.forEach((property, value) -> scope.change(object, property, null, value, false));
            return;
        }
        Map<String, Object> before = values(event.getPersister(), event.getOldState(), event.getFactory());
        now.forEach((property, value) -> {
            Object old = before.get(property);
            if (!Objects.equals(old, value)) {
                scope.change(object, property, old, value, true);
            }
        });
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        AuditScope scope = AuditScope.current();
        if (scope == null) {
            return;
        }
        Object[] state = event.getDeletedState();
        scope.removed(object(event.getPersister(), event.getId()),
                state == null ? Map.of() : values(event.getPersister(), state, event.getFactory()));
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
        // Rolled back: nothing changed.
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
        // Rolled back: nothing changed.
    }

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {
        // Rolled back: nothing changed.
    }

    private static String object(EntityPersister persister, Object id) {
        String name = persister.getEntityName();
        return name.substring(name.lastIndexOf('.') + 1) + "#" + id;
    }

    private static Map<String, Object> values(EntityPersister persister, Object[] state,
                                              SessionFactoryImplementor factory) {
        Map<String, Object> values = new LinkedHashMap<>();
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        int version = persister.isVersioned() ? persister.getVersionProperty() : -1;
        for (int i = 0; i < names.length && i < state.length; i++) {
            if (i == version || names[i].toLowerCase().contains("password")) {
                continue;
            }
            put(values, names[i], types[i], state[i], factory);
        }
        return values;
    }

    private static void put(Map<String, Object> values, String name, Type type, Object value,
                            SessionFactoryImplementor factory) {
        if (type.isCollectionType()) {
            return;
        }
        if (value != null && type instanceof EntityType) {
            values.put(name + "Id", simple(factory.getPersistenceUnitUtil().getIdentifier(value)));
            return;
        }
        if (value != null && type instanceof ComponentType component) {
            Object[] parts = component.getPropertyValues(value);
            String[] names = component.getPropertyNames();
            Type[] types = component.getSubtypes();
            for (int i = 0; i < names.length; i++) {
                put(values, name + "." + names[i], types[i], parts[i], factory);
            }
            return;
        }
        values.put(name, simple(value));
    }

    /** A value as JSON shows it: numbers, booleans and text as they are, the rest as (cut) text. */
    static Object simple(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Temporal || value instanceof UUID || value instanceof Number) {
            return value.toString();
        }
        String text = value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Record
                ? json(value) : String.valueOf(value);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** JSON-mapped columns (custom fields, terms, findings) read best as the JSON they are stored as. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
