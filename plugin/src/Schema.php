<?php
/**
 * The plugin's own tables, created on activation and brought up to date after an update.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * One version for all tables: an update that adds a table (or a column) runs dbDelta once, without
 * needing the plugin to be deactivated and activated again.
 */
final class Schema {

	const VERSION        = '2';
	const VERSION_OPTION = 'ccb_db_version';

	/**
	 * Creates or updates every table.
	 */
	public static function install(): void {
		Events\EventLog::install();
		Rest\RateLimiter::install();
		update_option( self::VERSION_OPTION, self::VERSION );
	}

	/**
	 * Runs the install when the stored version is older than this code's.
	 */
	public static function maybe_upgrade(): void {
		if ( get_option( self::VERSION_OPTION ) !== self::VERSION ) {
			self::install();
		}
	}

	/**
	 * Drops every table (uninstall).
	 */
	public static function uninstall(): void {
		Events\EventLog::uninstall();
		Rest\RateLimiter::uninstall();
		delete_option( self::VERSION_OPTION );
	}
}
