-- Seed 001's use case: ad tracking events of a job board (clicks, conversions, qualified and unqualified
-- applications, each with the bid paid), aggregated per job, publisher, campaign and group into hourly events
-- (config/connectors/30-cassandra-aggregates-demo.json). ts is the event time: a TIMESTAMP, i.e. an instant, so
-- the hours are UTC hours whatever the session time zone of the writer. Rows without a job, publisher, campaign or
-- group (NULL) belong to no group and are left out of the aggregate.
-- last_updated is what the timestamp source polls; is_deleted is its soft-delete marker.
CREATE DATABASE IF NOT EXISTS logs;

CREATE TABLE IF NOT EXISTS logs.tracking (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  ts            TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  job_id        INT            NULL,
  publisher_id  INT            NULL,
  campaign_id   INT            NULL,
  group_id      INT            NULL,
  custom_track  VARCHAR(20)    NULL,
  bid           DECIMAL(10,2)  NULL,
  last_updated  TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  is_deleted    TINYINT(1)     NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY tracking_by_last_updated (last_updated, id)
);

INSERT IGNORE INTO logs.tracking (id, job_id, publisher_id, campaign_id, group_id, custom_track, bid) VALUES
  (1, 100, 1, 10, 3, 'click', 0.25),
  (2, 100, 1, 10, 3, 'click', 0.40),
  (3, 100, 1, 10, 3, 'conversion', NULL),
  (4, 100, 2, 10, 3, 'qualified', NULL),
  (5, 101, 1, 11, NULL, 'click', 0.15),
  (6, 101, 1, 11, 4, 'unqualified', NULL);
