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

	const VERSION        = '3';
	const VERSION_OPTION = 'ccb_db_version';

	/**
	 * Creates or updates every table.
	 */
	public static function install(): void {
		Events\EventLog::install();
		Rest\RateLimiter::install();
		Invoices\MailLog::install();
		update_option( self::VERSION_OPTION, self::VERSION );
	}

	/**
	 * Activation: this site, or every site of the network when activated network-wide.
	 *
	 * @param bool $network_wide Whether the plugin was network-activated.
	 */
	public static function activate( $network_wide = false ): void {
		if ( ! is_multisite() || ! $network_wide ) {
			self::install();
			return;
		}
		foreach ( get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) as $site_id ) {
			switch_to_blog( (int) $site_id );
			self::install();
			restore_current_blog();
		}
	}

	/**
	 * A site added to a network where the plugin is network-active gets its tables at once.
	 *
	 * @param \WP_Site $site The new site.
	 */
	public static function install_new_site( $site ): void {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		if ( ! is_plugin_active_for_network( plugin_basename( \CryptoCustomerBridge\PLUGIN_FILE ) ) ) {
			return;
		}
		switch_to_blog( (int) $site->blog_id );
		self::install();
		restore_current_blog();
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
		Invoices\MailLog::uninstall();
		delete_option( self::VERSION_OPTION );
	}
}
