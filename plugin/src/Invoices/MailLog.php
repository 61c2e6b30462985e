<?php
/**
 * Each sending of an invoice, recorded.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Invoices;

defined( 'ABSPATH' ) || exit;

/**
 * One row per invoice and recipient: sent, or failed with the reason, so a failure is visible in
 * wp-admin and can be sent again. No document is kept here: the bridge holds it.
 */
final class MailLog {

	/**
	 * Table name with the site prefix.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'ccb_invoice_mails';
	}

	/**
	 * Creates the table (activation, update).
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta(
			'CREATE TABLE ' . self::table() . " (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				invoice_id varchar(64) NOT NULL,
				number varchar(64) NOT NULL,
				checkout_id varchar(64) NOT NULL,
				recipient varchar(16) NOT NULL,
				address varchar(254) NOT NULL,
				status varchar(16) NOT NULL,
				error text NULL,
				attempts int(11) NOT NULL DEFAULT 0,
				updated_at datetime NOT NULL,
				PRIMARY KEY  (id),
				UNIQUE KEY invoice_recipient (invoice_id, recipient),
				KEY checkout_id (checkout_id)
			) {$wpdb->get_charset_collate()};"
		);
	}

	/**
	 * Drops the table (uninstall).
	 */
	public static function uninstall(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- fixed table name.
	}

	/**
	 * Records an attempt: one row per invoice and recipient, its attempts counted.
	 *
	 * @param array<string, string> $mail   invoice_id, number, checkout_id, recipient, address.
	 * @param string                $status sent, failed or attached (to a WooCommerce email).
	 * @param string|null           $error  Why it failed.
	 */
	public static function record( array $mail, string $status, ?string $error = null ): void {
		global $wpdb;
		$table = self::table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- the plugin's own table by its fixed name; nothing to cache.
		$wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$table} (invoice_id, number, checkout_id, recipient, address, status, error, attempts, updated_at)
				 VALUES (%s, %s, %s, %s, %s, %s, %s, 1, %s)
				 ON DUPLICATE KEY UPDATE address = VALUES(address), status = VALUES(status), error = VALUES(error), attempts = attempts + 1, updated_at = VALUES(updated_at)",
				$mail['invoice_id'],
				$mail['number'],
				$mail['checkout_id'],
				$mail['recipient'],
				$mail['address'],
				$status,
				$error,
				current_time( 'mysql', true )
			)
		);
		// phpcs:enable
	}

	/**
	 * The sendings of one checkout's documents, newest first.
	 *
	 * @param string $checkout_id Checkout.
	 * @return array<int, array<string, mixed>>
	 */
	public static function for_checkout( string $checkout_id ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- the plugin's own table by its fixed name; nothing to cache.
		return (array) $wpdb->get_results( $wpdb->prepare( "SELECT id, invoice_id, number, recipient, address, status, error, attempts, updated_at FROM {$table} WHERE checkout_id = %s ORDER BY id DESC", $checkout_id ), ARRAY_A );
	}

	/**
	 * One sending by its row id.
	 *
	 * @param int $id Row id.
	 * @return array<string, mixed>|null
	 */
	public static function find( int $id ): ?array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- the plugin's own table by its fixed name; nothing to cache.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}
}
