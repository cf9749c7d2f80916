-- Core schema: users and their tokens, the storage tree index, quotas, the audit trail and settings.
-- Text is utf8mb4; names in the storage tree compare byte-wise (utf8mb4_bin) like the filesystem does.

CREATE TABLE user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(64)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    type          ENUM('admin', 'user')        NOT NULL DEFAULT 'user',
    state         ENUM('enabled', 'disabled')  NOT NULL DEFAULT 'enabled',
    password_hash VARCHAR(512) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_user_name (name),
    UNIQUE KEY uq_user_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE token (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    hash         BINARY(32)  NOT NULL,
    user_id      BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_token_hash (hash),
    KEY ix_token_user (user_id),
    KEY ix_token_expires (expires_at),
    CONSTRAINT fk_token_user FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per account, container, directory and file. Only the name is stored, so a move updates one row.
CREATE TABLE stobj (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id    BIGINT       NULL,
    owner_id     BIGINT       NOT NULL,
    name         VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    type         ENUM('account', 'container', 'dir', 'file') NOT NULL,
    size         BIGINT       NOT NULL DEFAULT 0,
    etag         CHAR(32)     CHARACTER SET ascii NULL,
    content_type VARCHAR(255) NULL,
    state        ENUM('enabled', 'disabled') NOT NULL DEFAULT 'enabled',
    created_at   DATETIME(6)  NOT NULL,
    modified_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_stobj_parent_name (parent_id, name),
    KEY ix_stobj_owner (owner_id),
    CONSTRAINT fk_stobj_parent FOREIGN KEY (parent_id) REFERENCES stobj (id) ON DELETE CASCADE,
    CONSTRAINT fk_stobj_owner FOREIGN KEY (owner_id) REFERENCES user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stobj_meta (
    stobj_id   BIGINT        NOT NULL,
    meta_key   VARCHAR(128)  NOT NULL,
    meta_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (stobj_id, meta_key),
    CONSTRAINT fk_stobj_meta_stobj FOREIGN KEY (stobj_id) REFERENCES stobj (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Limits are NULL when unlimited; usage is maintained in the transaction of every change.
CREATE TABLE quota (
    user_id      BIGINT NOT NULL,
    max_bytes    BIGINT NULL,
    max_objects  BIGINT NULL,
    used_bytes   BIGINT NOT NULL DEFAULT 0,
    used_objects BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_quota_user FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The audit trail outlives the users and objects it mentions.
CREATE TABLE record (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    time      DATETIME(6)   NOT NULL,
    user_id   BIGINT        NULL,
    action    VARCHAR(32)   NOT NULL,
    path      VARCHAR(4096) NULL,
    object_id BIGINT        NULL,
    status    SMALLINT      NOT NULL,
    bytes     BIGINT        NOT NULL DEFAULT 0,
    client    VARCHAR(45)   NULL,
    detail    VARCHAR(255)  NULL,
    PRIMARY KEY (id),
    KEY ix_record_time (time),
    KEY ix_record_user_time (user_id, time),
    KEY ix_record_object (object_id),
    CONSTRAINT fk_record_user FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE SET NULL,
    CONSTRAINT fk_record_object FOREIGN KEY (object_id) REFERENCES stobj (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webconf (
    conf_key   VARCHAR(128)  NOT NULL,
    conf_value VARCHAR(4000) NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (conf_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
