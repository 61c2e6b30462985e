<?php
/**
 * Keeps the bridge's copy of the shop settings in step with WordPress.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * The bridge enforces the level and threshold, so it must know them: each time they change here
 * (or the connection does), they are sent with the event URL. The outcome is kept for the panel.
 */
final class ShopSync {

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param Settings $settings Settings.
	 */
	public function __construct( Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Hooks the option changes.
	 */
	public function register(): void {
		foreach ( array( Settings::LEVEL, Settings::THRESHOLD, Settings::SHOP_NAME, Settings::CONNECTION ) as $option ) {
			add_action( "update_option_{$option}", array( $this, 'push' ) );
			add_action( "add_option_{$option}", array( $this, 'push' ) );
		}
	}

	/**
	 * Sends the settings; returns the bridge's view of the shop or an error.
	 *
	 * @return array<string, mixed>|\WP_Error
	 */
	public function push() {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$result = $client->request(
			'PATCH',
			'/v1/shop',
			array(
				'name'      => $this->settings->shop_name(),
				'level'     => $this->settings->level(),
				'threshold' => $this->settings->threshold(),
				'eventUrl'  => rest_url( 'ccb/v1/events' ),
			)
		);
		if ( is_array( $result ) && is_array( $result['shop'] ?? null ) ) {
			$this->settings->remember_billing_currencies( $result['shop'] );
		}
		update_option(
			Settings::SYNC_STATUS,
			array(
				'ok'      => ! is_wp_error( $result ),
				'message' => is_wp_error( $result ) ? $result->get_error_message() : '',
				'at'      => gmdate( 'c' ),
			),
			false
		);
		return $result;
	}
}
