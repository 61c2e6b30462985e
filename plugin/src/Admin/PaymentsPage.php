<?php
/**
 * The Payments screen.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Top-level "Crypto Payments" menu; its first screen lists payments (a React app, build/admin-payments).
 */
final class PaymentsPage {

	const SLUG = 'crypto-customer-bridge-payments';

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
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds the menu and the page.
	 */
	public function add_page(): void {
		$this->hook = (string) add_menu_page(
			__( 'Crypto payments', 'crypto-customer-bridge' ),
			__( 'Crypto Payments', 'crypto-customer-bridge' ),
			'manage_options',
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-money-alt',
			56
		);
		add_submenu_page( self::SLUG, __( 'Crypto payments', 'crypto-customer-bridge' ), __( 'Payments', 'crypto-customer-bridge' ), 'manage_options', self::SLUG, array( $this, 'render' ) );
	}

	/**
	 * Loads the app on this page only.
	 *
	 * @param string $hook Current admin page.
	 */
	public function enqueue( string $hook ): void {
		if ( $hook === $this->hook ) {
			ScriptAsset::enqueue(
				'admin-payments',
				array(
					'settingsUrl'  => admin_url( 'admin.php?page=' . SettingsPage::SLUG ),
					'customersUrl' => admin_url( 'admin.php?page=' . CustomersPage::SLUG ),
				)
			);
		}
	}

	/**
	 * The mount point.
	 */
	public function render(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Crypto payments', 'crypto-customer-bridge' ) . '</h1><div id="ccb-payments-root"></div></div>';
	}
}
