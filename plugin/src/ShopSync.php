<?php
/**
 * Keeps the bridge's copy of the shop settings in step with WordPress.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * The bridge enforces the level and threshold, so it must know them. Connecting to a shop adopts the
 * bridge's settings (a shop created as `compliant` stays compliant, and keeps its name); afterwards
 * each setting changed here is sent on its own. The outcome is kept for the panel.
 */
final class ShopSync {

	/** The options the bridge keeps a copy of, and its name for each. */
	const FIELDS = array(
		Settings::LEVEL          => 'level',
		Settings::THRESHOLD      => 'threshold',
		Settings::SHOP_NAME      => 'name',
		Settings::SELLER         => 'seller',
		Settings::INVOICE_PREFIX => 'invoicePrefix',
	);

	/**
	 * True while settings are being taken from the bridge, so that they are not sent straight back.
	 *
	 * @var bool
	 */
	private static $adopting = false;

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
	 * Hooks the option changes (WordPress fires update_option_* only when the value really changed).
	 */
	public function register(): void {
		foreach ( self::FIELDS as $option => $field ) {
			$push = function () use ( $field ): void {
				if ( ! self::$adopting ) {
					$this->push( array( $field ) );
				}
			};
			add_action( "update_option_{$option}", $push );
			add_action( "add_option_{$option}", $push );
		}
	}

	/**
	 * Saves a connection. Another shop than before: its settings are adopted from the bridge. The
	 * same shop again (a rotated secret): this site's settings are sent.
	 *
	 * @param Bridge\Connection $connection Parsed connection string.
	 * @return array<string, mixed>|\WP_Error The bridge's view of the shop.
	 */
	public function connect( Bridge\Connection $connection ) {
		$previous = $this->settings->connection();
		$this->settings->save_connection( $connection );
		$same_shop = $previous && $previous->url === $connection->url && $previous->key_id === $connection->key_id;
		return $same_shop ? $this->push() : $this->adopt();
	}

	/**
	 * Takes the level, threshold and name from the bridge, then tells it where to send events.
	 *
	 * @return array<string, mixed>|\WP_Error
	 */
	public function adopt() {
		$client = $this->settings->client();
		$found  = is_wp_error( $client ) ? $client : $client->request( 'GET', '/v1/shop' );
		if ( is_wp_error( $found ) || ! is_array( $found['shop'] ?? null ) ) {
			return $this->record( is_wp_error( $found ) ? $found : new \WP_Error( 'ccb_bad_answer', __( 'The bridge did not describe the shop.', 'crypto-customer-bridge' ) ) );
		}
		$shop           = $found['shop'];
		self::$adopting = true;
		try {
			update_option( Settings::LEVEL, (string) ( $shop['level'] ?? '' ) );
			update_option(
				Settings::THRESHOLD,
				is_array( $shop['threshold'] ?? null ) ? $shop['threshold'] : array(
					'amount'   => '',
					'currency' => '',
				)
			);
			if ( '' !== (string) ( $shop['name'] ?? '' ) ) {
				update_option( Settings::SHOP_NAME, (string) $shop['name'] );
			}
			if ( is_array( $shop['seller'] ?? null ) ) {
				update_option( Settings::SELLER, $shop['seller'] );
			}
			if ( isset( $shop['invoicePrefix'] ) ) {
				update_option( Settings::INVOICE_PREFIX, (string) $shop['invoicePrefix'] );
			}
		} finally {
			self::$adopting = false;
		}
		return $this->push( array() );
	}

	/**
	 * Sends settings (all by default, or the named ones) with the event URL; returns the bridge's
	 * view of the shop or an error.
	 *
	 * @param string[]|null $fields Bridge field names to send; null for all.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function push( ?array $fields = null ) {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$values = array(
			'name'          => $this->settings->shop_name(),
			'level'         => $this->settings->level(),
			'threshold'     => $this->settings->threshold(),
			'seller'        => $this->settings->seller(),
			'invoicePrefix' => $this->settings->invoice_prefix(),
		);
		$body   = array_intersect_key( $values, array_flip( null === $fields ? array_keys( $values ) : $fields ) );
		$result = $client->request( 'PATCH', '/v1/shop', $body + array( 'eventUrl' => rest_url( 'ccb/v1/events' ) ) );
		if ( is_array( $result ) && is_array( $result['shop'] ?? null ) ) {
			$this->settings->remember_billing_currencies( $result['shop'] );
		}
		return $this->record( $result );
	}

	/**
	 * Keeps the outcome for the settings panel.
	 *
	 * @param array<string, mixed>|\WP_Error $result The bridge's answer.
	 * @return array<string, mixed>|\WP_Error The same.
	 */
	private function record( $result ) {
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
