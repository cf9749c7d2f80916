-- Long operations (a large copy, later fsck and import) run as jobs whose progress their owner can follow.
CREATE TABLE job (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NULL,
    kind        VARCHAR(32)  NOT NULL,
    state       ENUM('running', 'done', 'failed') NOT NULL DEFAULT 'running',
    done        BIGINT       NOT NULL DEFAULT 0,
    total       BIGINT       NOT NULL DEFAULT 0,
    result      VARCHAR(1024) NULL,
    created_at  DATETIME(6)  NOT NULL,
    finished_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_job_user (user_id),
    CONSTRAINT fk_job_user FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
