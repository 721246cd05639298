-- The demo schema: orders of an online shop (seed 002's use case: 5-minute windows per customer).
-- last_updated is what the timestamp source polls; is_deleted is its soft-delete marker.
CREATE DATABASE IF NOT EXISTS shop;

CREATE TABLE IF NOT EXISTS shop.orders (
  id            INT            NOT NULL AUTO_INCREMENT,
  customer_id   INT            NOT NULL,
  amount        DECIMAL(10,2)  NOT NULL,
  status        VARCHAR(20)    NOT NULL DEFAULT 'new',
  created_at    DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_updated  TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  is_deleted    TINYINT(1)     NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY orders_by_last_updated (last_updated, id)
);

INSERT IGNORE INTO shop.orders (id, customer_id, amount, status) VALUES
  (1, 42, 19.99, 'new'),
  (2, 42, 2193.60, 'paid'),
  (3, 7, 5.00, 'new'),
  (4, 7, 120.50, 'shipped'),
  (5, 13, 64.00, 'new');
