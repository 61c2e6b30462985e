<?php
/**
 * The plugin's settings, registered with WordPress and exposed in the REST API.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * Settings the admin panel reads and writes through /wp/v2/settings. The connection string holds
 * the shop secret, so it is not one of them: it is written through its own route and never read back.
 */
final class Settings {

	const GROUP          = 'crypto_customer_bridge';
	const LEVEL          = 'ccb_level';
	const THRESHOLD      = 'ccb_threshold';
	const SHOP_NAME      = 'ccb_shop_name';
	const RETURN_PAGE    = 'ccb_return_page';
	const CANCEL_PAGE    = 'ccb_cancel_page';
	const INVOICE_EMAIL  = 'ccb_invoice_email';
	const SELLER         = 'ccb_seller';
	const INVOICE_PREFIX = 'ccb_invoice_prefix';
	const CONNECTION     = 'ccb_connection';
	const SYNC_STATUS    = 'ccb_sync_status';
	/** What the processor bills in, as the bridge last reported it (null: not known yet). */
	const BILLING_CURRENCIES = 'ccb_billing_currencies';

	/**
	 * Options to delete on uninstall.
	 *
	 * @return string[]
	 */
	public static function all_option_names(): array {
		return array( self::LEVEL, self::THRESHOLD, self::SHOP_NAME, self::RETURN_PAGE, self::CANCEL_PAGE, self::INVOICE_EMAIL, self::SELLER, self::INVOICE_PREFIX, self::CONNECTION, self::SYNC_STATUS, self::BILLING_CURRENCIES );
	}

	/**
	 * Hooks the registration.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_settings' ) );
	}

	/**
	 * Registers each setting with its REST schema and sanitiser.
	 */
	public function register_settings(): void {
		register_setting(
			self::GROUP,
			self::LEVEL,
			array(
				'type'              => 'string',
				'label'             => __( 'Customer information level', 'crypto-customer-bridge' ),
				'default'           => Contract::default_level(),
				'sanitize_callback' => array( $this, 'sanitize_level' ),
				'show_in_rest'      => array( 'schema' => array( 'enum' => Contract::levels() ) ),
			)
		);
		register_setting(
			self::GROUP,
			self::THRESHOLD,
			array(
				'type'              => 'object',
				'label'             => __( 'Compliance threshold', 'crypto-customer-bridge' ),
				'default'           => array(
					'amount'   => '',
					'currency' => '',
				),
				'sanitize_callback' => array( $this, 'sanitize_threshold' ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'amount'   => array(
								'type'    => 'string',
								// The contract's amount, or empty for "no threshold".
								'pattern' => '^$|' . Contract::pattern( 'amount' ),
							),
							'currency' => array(
								'type'    => 'string',
								'pattern' => '^([A-Za-z]{3,5})?$',
							),
						),
					),
				),
			)
		);
		register_setting(
			self::GROUP,
			self::SHOP_NAME,
			array(
				'type'              => 'string',
				'label'             => __( 'Shop name on the payment page', 'crypto-customer-bridge' ),
				'default'           => '',
				'sanitize_callback' => 'sanitize_text_field',
				'show_in_rest'      => array( 'schema' => array( 'maxLength' => 200 ) ),
			)
		);
		register_setting(
			self::GROUP,
			self::INVOICE_EMAIL,
			array(
				'type'              => 'string',
				'label'             => __( 'Send the merchant’s copy of invoices to', 'crypto-customer-bridge' ),
				'default'           => '',
				'sanitize_callback' => 'sanitize_email',
				'show_in_rest'      => array( 'schema' => array( 'maxLength' => 254 ) ),
			)
		);
		register_setting(
			self::GROUP,
			self::SELLER,
			array(
				'type'              => 'object',
				'label'             => __( 'Seller on invoices', 'crypto-customer-bridge' ),
				'default'           => array(
					'name'    => '',
					'address' => '',
					'taxId'   => '',
				),
				'sanitize_callback' => array( $this, 'sanitize_seller' ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'name'    => array(
								'type'      => 'string',
								'maxLength' => 200,
							),
							'address' => array(
								'type'      => 'string',
								'maxLength' => 1000,
							),
							'taxId'   => array(
								'type'      => 'string',
								'maxLength' => 50,
							),
						),
					),
				),
			)
		);
		register_setting(
			self::GROUP,
			self::INVOICE_PREFIX,
			array(
				'type'              => 'string',
				'label'             => __( 'Invoice number prefix', 'crypto-customer-bridge' ),
				'default'           => 'INV-',
				'sanitize_callback' => 'sanitize_text_field',
				// The bridge checks the characters and says which are not allowed.
				'show_in_rest'      => array( 'schema' => array( 'maxLength' => 20 ) ),
			)
		);
		foreach ( array( self::RETURN_PAGE, self::CANCEL_PAGE ) as $page_option ) {
			register_setting(
				self::GROUP,
				$page_option,
				array(
					'type'              => 'integer',
					'default'           => 0,
					'sanitize_callback' => 'absint',
					'show_in_rest'      => array( 'schema' => array( 'minimum' => 0 ) ),
				)
			);
		}
	}

	/**
	 * Keeps the level to a known one.
	 *
	 * @param mixed $value Submitted value.
	 */
	public function sanitize_level( $value ): string {
		$value = is_string( $value ) ? sanitize_key( $value ) : '';
		return in_array( $value, Contract::levels(), true ) ? $value : (string) get_option( self::LEVEL, Contract::default_level() );
	}

	/**
	 * Normalises the threshold: both parts or neither.
	 *
	 * @param mixed $value Submitted value.
	 * @return array{amount: string, currency: string}
	 */
	public function sanitize_threshold( $value ): array {
		$value    = is_array( $value ) ? $value : array();
		$amount   = sanitize_text_field( (string) ( $value['amount'] ?? '' ) );
		$currency = strtoupper( sanitize_text_field( (string) ( $value['currency'] ?? '' ) ) );
		if ( ! preg_match( '/' . Contract::pattern( 'amount' ) . '/', $amount ) || ! Contract::is_currency( $currency ) ) {
			return array(
				'amount'   => '',
				'currency' => '',
			);
		}
		return array(
			'amount'   => $amount,
			'currency' => $currency,
		);
	}

	/**
	 * The site's collection level.
	 */
	public function level(): string {
		return $this->sanitize_level( get_option( self::LEVEL, Contract::default_level() ) );
	}

	/**
	 * The threshold, or null when none is set.
	 *
	 * @return array{amount: string, currency: string}|null
	 */
	public function threshold(): ?array {
		$threshold = $this->sanitize_threshold( get_option( self::THRESHOLD ) );
		return '' === $threshold['amount'] ? null : $threshold;
	}

	/**
	 * The seller's details as the seller form keeps them.
	 *
	 * @param mixed $value Submitted value.
	 * @return array{name: string, address: string, taxId: string}
	 */
	public function sanitize_seller( $value ): array {
		$value = is_array( $value ) ? $value : array();
		return array(
			'name'    => sanitize_text_field( (string) ( $value['name'] ?? '' ) ),
			'address' => sanitize_textarea_field( (string) ( $value['address'] ?? '' ) ),
			'taxId'   => sanitize_text_field( (string) ( $value['taxId'] ?? '' ) ),
		);
	}

	/**
	 * Who sells, for the bridge's invoices; null until a name and an address are entered.
	 *
	 * @return array{name: string, address: string, taxId: string|null}|null
	 */
	public function seller(): ?array {
		$seller = $this->sanitize_seller( get_option( self::SELLER ) );
		if ( '' === $seller['name'] || '' === $seller['address'] ) {
			return null;
		}
		return array(
			'name'    => $seller['name'],
			'address' => $seller['address'],
			'taxId'   => '' !== $seller['taxId'] ? $seller['taxId'] : null,
		);
	}

	/**
	 * What the shop's invoice numbers start with.
	 */
	public function invoice_prefix(): string {
		return (string) get_option( self::INVOICE_PREFIX, 'INV-' );
	}

	/**
	 * Shop name shown on the hosted payment page.
	 */
	public function shop_name(): string {
		$name = (string) get_option( self::SHOP_NAME, '' );
		return '' !== $name ? $name : wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );
	}

	/**
	 * Where the shopper lands after paying: the chosen page, or the page they paid on.
	 *
	 * @param int $fallback_post Post the payment started from.
	 */
	public function return_url( int $fallback_post ): string {
		return $this->page_url( (int) get_option( self::RETURN_PAGE, 0 ), $fallback_post );
	}

	/**
	 * Where the shopper lands after cancelling.
	 *
	 * @param int $fallback_post Post the payment started from.
	 */
	public function cancel_url( int $fallback_post ): string {
		return $this->page_url( (int) get_option( self::CANCEL_PAGE, 0 ), $fallback_post );
	}

	/**
	 * A published page's URL, or the fallback post's.
	 *
	 * @param int $page_id       Chosen page.
	 * @param int $fallback_post Fallback.
	 */
	private function page_url( int $page_id, int $fallback_post ): string {
		$url = $page_id && 'publish' === get_post_status( $page_id ) ? get_permalink( $page_id ) : false;
		return $url ? $url : (string) get_permalink( $fallback_post );
	}

	/**
	 * The saved connection, or null.
	 */
	public function connection(): ?Bridge\Connection {
		$stored = get_option( self::CONNECTION );
		return is_array( $stored ) ? Bridge\Connection::from_array( $stored ) : null;
	}

	/**
	 * Saves a connection.
	 *
	 * @param Bridge\Connection $connection Parsed connection string.
	 */
	public function save_connection( Bridge\Connection $connection ): void {
		update_option( self::CONNECTION, $connection->to_array(), false );
	}

	/**
	 * A client for the saved connection, or an error a person can act on.
	 *
	 * @return Bridge\Client|\WP_Error
	 */
	public function client() {
		$connection = $this->connection();
		if ( ! $connection ) {
			return new \WP_Error( 'ccb_not_connected', __( 'Crypto payments are not set up yet: paste the bridge connection string in Crypto Payments → Settings.', 'crypto-customer-bridge' ), array( 'status' => 503 ) );
		}
		return new Bridge\Client( $connection );
	}

	/**
	 * Keeps the billing currencies from the bridge's description of the shop, if it gives them.
	 *
	 * @param array<string, mixed> $shop The bridge's `shop` object.
	 */
	public function remember_billing_currencies( array $shop ): void {
		$currencies = $shop['processor']['billingCurrencies'] ?? null;
		if ( is_array( $currencies ) ) {
			update_option( self::BILLING_CURRENCIES, array_values( array_map( 'strval', $currencies ) ), false );
		}
	}

	/**
	 * Whether crypto payments can be taken in this currency (true while the processor's list is unknown).
	 *
	 * @param string $currency ISO code.
	 */
	public function bills_in( string $currency ): bool {
		$currencies = get_option( self::BILLING_CURRENCIES );
		return ! is_array( $currencies ) || in_array( strtoupper( $currency ), $currencies, true );
	}

	/**
	 * The processor's billing currencies, or null while unknown.
	 *
	 * @return string[]|null
	 */
	public function billing_currencies(): ?array {
		$currencies = get_option( self::BILLING_CURRENCIES );
		return is_array( $currencies ) ? $currencies : null;
	}
}
