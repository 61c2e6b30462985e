<?php
/**
 * The settings screen.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * "Crypto Payments → Settings": a React app (build/admin-settings) that reads and writes the
 * registered settings through /wp/v2/settings and the connection through /ccb/v1/connection.
 */
final class SettingsPage {

	const SLUG = 'crypto-customer-bridge';

	/**
	 * Hook suffix of the page.
	 *
	 * @var string
	 */
	private $hook = '';

	/**
	 * Hooks the menu.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ), 20 );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( \CryptoCustomerBridge\PLUGIN_FILE ), array( $this, 'action_links' ) );
	}

	/**
	 * Adds the page under the plugin's menu.
	 */
	public function add_page(): void {
		$this->hook = (string) add_submenu_page(
			PaymentsPage::SLUG,
			__( 'Crypto payments settings', 'crypto-customer-bridge' ),
			__( 'Settings', 'crypto-customer-bridge' ),
			'manage_options',
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * Loads the app on this page only.
	 *
	 * @param string $hook Current admin page.
	 */
	public function enqueue( string $hook ): void {
		if ( $hook === $this->hook ) {
			ScriptAsset::enqueue( 'admin-settings' );
		}
	}

	/**
	 * The mount point.
	 */
	public function render(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Crypto payments settings', 'crypto-customer-bridge' ) . '</h1><div id="ccb-settings-root"></div></div>';
	}

	/**
	 * "Settings" on the Plugins screen.
	 *
	 * @param string[] $links Existing links.
	 * @return string[]
	 */
	public function action_links( array $links ): array {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'admin.php?page=' . self::SLUG ) ) . '">' . esc_html__( 'Settings', 'crypto-customer-bridge' ) . '</a>' );
		return $links;
	}
}
