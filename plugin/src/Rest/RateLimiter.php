<?php
/**
 * A fixed-window request limit per client address.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * Counts requests per hashed client address and window in a table of its own, with one atomic
 * statement per request (`INSERT … ON DUPLICATE KEY UPDATE`, the count read back through
 * LAST_INSERT_ID on the same connection), so parallel requests can never all read "under the
 * limit". Behind a reverse proxy or CDN the client is the address the trusted proxies report.
 */
final class RateLimiter {

	/**
	 * Table name with the site prefix.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'ccb_rate_limits';
	}

	/**
	 * Creates the table.
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta(
			'CREATE TABLE ' . self::table() . " (
				bucket_key char(40) NOT NULL,
				hits int unsigned NOT NULL,
				expires_at int unsigned NOT NULL,
				PRIMARY KEY  (bucket_key),
				KEY expires_at (expires_at)
			) {$wpdb->get_charset_collate()};"
		);
	}

	/**
	 * Drops the table (uninstall).
	 */
	public static function uninstall(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table name.
	}

	/**
	 * Counts this request and tells whether the client is still within `limit` requests per `window`.
	 * Call once per request (from the route's callback, not its permission check, which WordPress
	 * may run more than once).
	 *
	 * @param string $bucket Which limit.
	 * @param int    $limit  Requests allowed per window.
	 * @param int    $window Window in seconds.
	 */
	public static function allow( string $bucket, int $limit, int $window ): bool {
		global $wpdb;
		$slot = (int) floor( time() / $window );
		$key  = substr( hash( 'sha256', $bucket . '|' . ClientAddress::current() . '|' . $slot . '|' . wp_salt( 'nonce' ) ), 0, 40 );
		$done = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				'INSERT INTO ' . self::table() . ' (bucket_key, hits, expires_at) VALUES (%s, LAST_INSERT_ID(1), %d) ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$key,
				( $slot + 1 ) * $window
			)
		);
		if ( false === $done ) {
			// The table is missing or the database failed: fail open rather than lock every shopper out.
			return true;
		}
		$hits = (int) $wpdb->get_var( 'SELECT LAST_INSERT_ID()' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		if ( 0 === wp_rand( 0, 49 ) ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . self::table() . ' WHERE expires_at < %d', time() ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery
		}
		return $hits <= $limit;
	}
}
