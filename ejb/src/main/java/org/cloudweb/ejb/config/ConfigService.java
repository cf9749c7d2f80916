package org.cloudweb.ejb.config;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudweb.ejb.error.BadRequestException;
import org.cloudweb.ejb.record.RecordService;
import org.cloudweb.ejb.security.Roles;
import org.cloudweb.persistence.config.Setting;

/**
 * The runtime settings. Every read goes to the database, so a change made on any node applies to the next
 * request everywhere; settings are read on rare paths (registration, login), never per request.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.USER})
public class ConfigService {

    private static final Logger LOG = Logger.getLogger(ConfigService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordService records;

    /** The current value of one setting, or its default. */
    @PermitAll
    public <T> T get(ConfigKey<T> key) {
        Setting stored = em.find(Setting.class, key.name());
        return stored == null ? key.defaultValue() : key.read(stored.getValue());
    }

    /** Every setting with its current value, in a stable order; a secret that is set shows as the mask. */
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> all() {
        Map<String, Object> values = new LinkedHashMap<>();
        ConfigKey.all().forEach((name, key) -> {
            Object value = get(key);
            values.put(name, key.isSecret() && value != null ? ConfigKey.SECRET_MASK : value);
        });
        return values;
    }

    /**
     * Changes some settings at once: all of them or, if one is unknown or invalid, none. A null value puts a
     * setting back to its default; a secret given as the mask it is listed with stays as it is.
     */
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> update(Map<String, Object> changes) {
        Map<ConfigKey<?>, Object> parsed = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            ConfigKey<?> key = ConfigKey.named(name)
                    .orElseThrow(() -> new BadRequestException("Unknown setting '" + abbreviate(name) + "'"));
            if (key.isSecret() && ConfigKey.SECRET_MASK.equals(value)) {
                return; // a listing sent back unchanged
            }
            try {
                parsed.put(key, value == null ? null : key.parse(value));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        });
        parsed.forEach(this::store);
        return all();
    }

    @SuppressWarnings("unchecked")
    private <T> void store(ConfigKey<T> key, Object value) {
        Setting stored = em.find(Setting.class, key.name());
        String text = value == null ? null : key.format((T) value);
        if (text == null && stored != null) {
            em.remove(stored);
        } else if (text != null && stored == null) {
            em.persist(new Setting(key.name(), text));
        } else if (text != null) {
            stored.setValue(text);
        }
        String detail = key.name() + "=" + (text == null ? "(default)" : key.isSecret() ? "(changed)" : text);
        records.add("config.update", null, 200, detail);
        LOG.log(Level.INFO, "Setting changed: {0}", detail);
    }

    private static String abbreviate(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
