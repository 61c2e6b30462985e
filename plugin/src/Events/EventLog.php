<?php
/**
 * The events received from the bridge, each once.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Events;

defined( 'ABSPATH' ) || exit;

/**
 * A table keyed by event id: the primary key makes "handle each event once" hold even when the
 * bridge redelivers concurrently.
 */
final class EventLog {

	/**
	 * Table name with the site prefix.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'ccb_events';
	}

	/**
	 * Creates the table (activation).
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta(
			'CREATE TABLE ' . self::table() . " (
				event_id varchar(64) NOT NULL,
				type varchar(64) NOT NULL,
				checkout_id varchar(64) NULL,
				received_at datetime NOT NULL,
				PRIMARY KEY  (event_id),
				KEY received_at (received_at)
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
	 * Whether an event was already handled. A database error is not an answer: it throws, so the event
	 * is refused and the bridge delivers it again, instead of being taken for "already handled".
	 *
	 * @param string $event_id Event id.
	 * @throws \RuntimeException When the log cannot be read.
	 */
	public static function handled( string $event_id ): bool {
		global $wpdb;
		$found = $wpdb->get_var( $wpdb->prepare( 'SELECT 1 FROM ' . self::table() . ' WHERE event_id = %s', substr( $event_id, 0, 64 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery
		if ( '' !== $wpdb->last_error ) {
			throw new \RuntimeException( 'The event log cannot be read.' );
		}
		return null !== $found;
	}

	/**
	 * Records an event as handled, once its handlers have succeeded; false when another delivery of the
	 * same event got there first (the primary key decides).
	 *
	 * @param array<string, mixed> $event Event.
	 * @throws \RuntimeException When the log cannot be written.
	 */
	public static function record_handled( array $event ): bool {
		global $wpdb;
		$inserted = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				'INSERT IGNORE INTO ' . self::table() . ' (event_id, type, checkout_id, received_at) VALUES (%s, %s, %s, %s)', // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				substr( (string) $event['id'], 0, 64 ),
				substr( (string) $event['type'], 0, 64 ),
				substr( (string) ( $event['data']['checkout']['id'] ?? '' ), 0, 64 ),
				gmdate( 'Y-m-d H:i:s' )
			)
		);
		if ( false === $inserted ) {
			throw new \RuntimeException( 'The event log cannot be written.' );
		}
		return 1 === $inserted;
	}

	/**
	 * Events received after a moment, newest first: what changed since a screen last looked.
	 *
	 * @param string $since UTC 'Y-m-d H:i:s'.
	 * @return array<int, array{event_id: string, type: string, checkout_id: string, received_at: string}>
	 */
	public static function since( string $since ): array {
		global $wpdb;
		return (array) $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare( 'SELECT event_id, type, checkout_id, received_at FROM ' . self::table() . ' WHERE received_at > %s ORDER BY received_at DESC LIMIT 50', $since ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			ARRAY_A
		);
	}
}
