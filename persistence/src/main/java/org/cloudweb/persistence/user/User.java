package org.cloudweb.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.cloudweb.persistence.common.State;
import org.cloudweb.persistence.common.StateConverter;

/** A user; the name is also the name of the user's account directory. */
@Entity
@Table(name = "user")
@NamedQuery(name = User.ID_BY_NAME, query = "SELECT u.id FROM User u WHERE u.name = :name")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.BY_NAME_OR_EMAIL, query = "SELECT u FROM User u WHERE u.name = :name OR u.email = :email")
@NamedQuery(name = User.SEARCH, query = "SELECT u FROM User u"
        + " WHERE LOWER(u.name) LIKE :pattern OR LOWER(u.email) LIKE :pattern ORDER BY u.id")
@NamedQuery(name = User.COUNT_SEARCH, query = "SELECT COUNT(u) FROM User u"
        + " WHERE LOWER(u.name) LIKE :pattern OR LOWER(u.email) LIKE :pattern")
@NamedQuery(name = User.COUNT_ALL, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = User.COUNT_BY_TYPE_AND_STATE, query = "SELECT COUNT(u) FROM User u WHERE u.type = :type"
        + " AND u.state = :state")
public class User {

    public static final String ID_BY_NAME = "User.idByName";
    public static final String BY_EMAIL = "User.byEmail";
    public static final String BY_NAME_OR_EMAIL = "User.byNameOrEmail";
    /** Users whose name or e-mail matches a lower-case LIKE pattern, oldest first. */
    public static final String SEARCH = "User.search";
    public static final String COUNT_SEARCH = "User.countSearch";
    public static final String COUNT_ALL = "User.countAll";
    /** Users of a type in a state. */
    public static final String COUNT_BY_TYPE_AND_STATE = "User.countByTypeAndState";

    /** Account names: they become directory names, so only a portable subset of characters. */
    public static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Pattern(regexp = NAME_PATTERN)
    @Column(nullable = false, length = 64)
    private String name;

    @NotNull
    @Email
    @Size(max = 254)
    @Column(nullable = false, length = 254)
    private String email;

    @NotNull
    @Convert(converter = UserTypeConverter.class)
    @Column(nullable = false)
    private UserType type = UserType.USER;

    @NotNull
    @Convert(converter = StateConverter.class)
    @Column(nullable = false)
    private State state = State.ENABLED;

    @NotNull
    @Size(max = 512)
    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected User() {
    }

    public User(String name, String email, String passwordHash) {
        this.name = name;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public UserType getType() {
        return type;
    }

    public void setType(UserType type) {
        this.type = type;
    }

    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
