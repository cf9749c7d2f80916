package org.cloudweb.persistence.storage;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.common.StateConverter;
import org.cloudweb.persistence.user.User;

/**
 * A node of the storage tree (table {@code stobj}). Children are not mapped as a collection: listings page
 * through them with queries, and deleting a node removes its subtree through the {@code parent_id} foreign key.
 */
@Entity
@Table(name = "stobj")
@NamedQuery(name = StorageObject.CHILDREN, query = "SELECT s FROM StorageObject s WHERE s.parent = :parent"
        + " AND s.name > :marker AND s.name LIKE :prefix ESCAPE '!' ORDER BY s.name")
@NamedQuery(name = StorageObject.CHILD, query = "SELECT s FROM StorageObject s WHERE s.parent = :parent"
        + " AND s.name = :name")
@NamedQuery(name = StorageObject.COUNT_CHILDREN, query = "SELECT COUNT(s) FROM StorageObject s WHERE s.parent = :parent")
public class StorageObject {

    /** Children of a directory in byte order of their names, after a marker and with a LIKE prefix ('!' escapes). */
    public static final String CHILDREN = "StorageObject.children";
    public static final String CHILD = "StorageObject.child";
    public static final String COUNT_CHILDREN = "StorageObject.countChildren";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null only for accounts. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private StorageObject parent;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private User owner;

    /** The owner's id, readable without loading the owner (the association above writes the column). */
    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    /** At most 255 characters here; the 255-byte UTF-8 limit is checked where names enter the system. */
    @NotNull
    @Size(min = 1, max = 255)
    @Column(nullable = false, length = 255)
    private String name;

    @NotNull
    @Convert(converter = StorageObjectTypeConverter.class)
    @Column(nullable = false)
    private StorageObjectType type;

    @PositiveOrZero
    @Column(nullable = false)
    private long size;

    @Pattern(regexp = "[0-9a-f]{32}")
    @Column(length = 32)
    private String etag;

    @Size(max = 255)
    @Column(name = "content_type", length = 255)
    private String contentType;

    @NotNull
    @Convert(converter = StateConverter.class)
    @Column(nullable = false)
    private State state = State.ENABLED;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @NotNull
    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "stobj_meta", joinColumns = @JoinColumn(name = "stobj_id"))
    @MapKeyColumn(name = "meta_key", length = 128)
    @Column(name = "meta_value", length = 1024, nullable = false)
    private Map<String, String> metadata = new HashMap<>();

    protected StorageObject() {
    }

    public StorageObject(StorageObject parent, User owner, String name, StorageObjectType type) {
        this.parent = parent;
        this.owner = owner;
        this.ownerId = owner.getId();
        this.name = name;
        this.type = type;
        this.createdAt = Instant.now();
        this.modifiedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public StorageObject getParent() {
        return parent;
    }

    public void setParent(StorageObject parent) {
        this.parent = parent;
    }

    public User getOwner() {
        return owner;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StorageObjectType getType() {
        return type;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public String getEtag() {
        return etag;
    }

    public void setEtag(String etag) {
        this.etag = etag;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public void setModifiedAt(Instant modifiedAt) {
        this.modifiedAt = modifiedAt;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }
}
