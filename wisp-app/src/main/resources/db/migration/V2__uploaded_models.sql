-- Object definitions uploaded while the server ran (POST /api/v1/models), one row per object ID and version, as
-- DDF XML; the server loads them again at start, so clients registering with those objects keep their models.
CREATE TABLE uploaded_model (
    object_id      INT         NOT NULL,
    object_version VARCHAR(16) NOT NULL,
    source         VARCHAR     NOT NULL,
    ddf            VARCHAR     NOT NULL,
    uploaded_at    BIGINT      NOT NULL,
    PRIMARY KEY (object_id, object_version)
);
