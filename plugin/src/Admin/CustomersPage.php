<?php
/**
 * The Customers screen.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * "Crypto Payments → Customers": a React app (build/admin-customers).
 */
final class CustomersPage {

	const SLUG = 'crypto-customer-bridge-customers';

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
		add_action( 'admin_menu', array( $this, 'add_page' ), 15 );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds the page under the plugin's menu.
	 */
	public function add_page(): void {
		$this->hook = (string) add_submenu_page(
			PaymentsPage::SLUG,
			__( 'Crypto payments customers', 'crypto-customer-bridge' ),
			__( 'Customers', 'crypto-customer-bridge' ),
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
			ScriptAsset::enqueue( 'admin-customers', array( 'paymentsUrl' => admin_url( 'admin.php?page=' . PaymentsPage::SLUG ) ) );
		}
	}

	/**
	 * The mount point.
	 */
	public function render(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Customers', 'crypto-customer-bridge' ) . '</h1><div id="ccb-customers-root"></div></div>';
	}
}
