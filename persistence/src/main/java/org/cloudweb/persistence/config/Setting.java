package org.cloudweb.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One runtime setting, stored as text; the settings service gives keys their types and defaults. */
@Entity
@Table(name = "webconf")
public class Setting {

    @Id
    @Size(min = 1, max = 128)
    @Column(name = "conf_key", length = 128)
    private String key;

    @NotNull
    @Size(max = 4000)
    @Column(name = "conf_value", nullable = false, length = 4000)
    private String value;

    @NotNull
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Setting() {
    }

    public Setting(String key, String value) {
        this.key = key;
        setValue(value);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public final void setValue(String value) {
        this.value = value;
        this.updatedAt = Instant.now();
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
