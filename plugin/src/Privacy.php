<?php
/**
 * WordPress's personal data tools, for the customers the bridge holds.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * Registers an exporter and an eraser (Tools → Export / Erase Personal Data). Both find the
 * customer by email through the bridge; erasing there also erases the processor's copy.
 */
final class Privacy {

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
	 * Hooks the registration.
	 */
	public function register(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'add_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'add_eraser' ) );
	}

	/**
	 * Adds the exporter.
	 *
	 * @param array<string, array<string, mixed>> $exporters Exporters.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_exporter( array $exporters ): array {
		$exporters['crypto-customer-bridge'] = array(
			'exporter_friendly_name' => __( 'Crypto payments customer', 'crypto-customer-bridge' ),
			'callback'               => array( $this, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Adds the eraser.
	 *
	 * @param array<string, array<string, mixed>> $erasers Erasers.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_eraser( array $erasers ): array {
		$erasers['crypto-customer-bridge'] = array(
			'eraser_friendly_name' => __( 'Crypto payments customer', 'crypto-customer-bridge' ),
			'callback'             => array( $this, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * The customer with this email, or null; an error when the bridge cannot be asked.
	 *
	 * @param string $email Email.
	 * @return array<string, mixed>|null|\WP_Error
	 */
	private function find( string $email ) {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return null;
		}
		$found = $client->request( 'GET', '/v1/customers?limit=1&email=' . rawurlencode( $email ) );
		return is_wp_error( $found ) ? $found : ( $found['items'][0] ?? null );
	}

	/**
	 * Exporter callback.
	 *
	 * @param string $email Email.
	 * @param int    $page  Page (one is enough: one customer per email).
	 * @return array{data: array<int, array<string, mixed>>, done: bool}|\WP_Error
	 */
	public function export( string $email, int $page = 1 ) {
		$customer = $this->find( $email );
		if ( is_wp_error( $customer ) ) {
			// An error, not "not done yet": WordPress would otherwise ask again and again while the bridge is down.
			return new \WP_Error( 'ccb_bridge_unreachable', __( 'The crypto payment service could not be reached, so its data is missing from this export. Try again later.', 'crypto-customer-bridge' ) );
		}
		if ( ! $customer ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}
		$all    = $this->settings->client()->request( 'GET', '/v1/customers/' . $customer['id'] . '/export' );
		$labels = FieldLabels::all() + array( 'note' => __( 'Note', 'crypto-customer-bridge' ) );
		$fields = array();
		foreach ( $labels as $key => $label ) {
			if ( isset( $customer[ $key ] ) && '' !== (string) $customer[ $key ] ) {
				$fields[] = array(
					'name'  => $label,
					'value' => 'countryCode' === $key ? self::country_name( (string) $customer[ $key ] ) : (string) $customer[ $key ],
				);
			}
		}
		$fields[] = array(
			'name'  => __( 'Information level', 'crypto-customer-bridge' ),
			'value' => LevelName::of( (string) ( $customer['level'] ?? '' ) ),
		);
		foreach ( (array) ( $customer['meta'] ?? array() ) as $key => $value ) {
			$fields[] = array(
				/* translators: %s: the name of a custom field kept with the customer */
				'name'  => sprintf( __( 'Custom field: %s', 'crypto-customer-bridge' ), (string) $key ),
				'value' => (string) $value,
			);
		}
		$fields[] = array(
			'name'  => __( 'Customer since', 'crypto-customer-bridge' ),
			'value' => self::site_date( (string) ( $customer['createdAt'] ?? '' ) ),
		);
		$data     = array(
			array(
				'group_id'    => 'crypto-customer-bridge',
				'group_label' => __( 'Crypto payments customer', 'crypto-customer-bridge' ),
				'item_id'     => 'customer-' . $customer['id'],
				'data'        => $fields,
			),
		);
		foreach ( is_array( $all ) ? (array) ( $all['checkouts'] ?? array() ) : array() as $checkout ) {
			$data[] = array(
				'group_id'    => 'crypto-customer-bridge-payments',
				'group_label' => __( 'Crypto payments', 'crypto-customer-bridge' ),
				'item_id'     => 'payment-' . $checkout['id'],
				'data'        => array(
					array(
						'name'  => __( 'Date', 'crypto-customer-bridge' ),
						'value' => self::site_date( (string) $checkout['createdAt'] ),
					),
					array(
						'name'  => __( 'Order reference', 'crypto-customer-bridge' ),
						'value' => (string) $checkout['orderRef'],
					),
					array(
						'name'  => __( 'Amount', 'crypto-customer-bridge' ),
						'value' => $checkout['total'] . ' ' . $checkout['currency'],
					),
					array(
						'name'  => __( 'Amount received', 'crypto-customer-bridge' ),
						'value' => isset( $checkout['amountReceived'] ) ? $checkout['amountReceived'] . ' ' . $checkout['currency'] : '—',
					),
					array(
						'name'  => __( 'Status', 'crypto-customer-bridge' ),
						'value' => PaymentStatus::label( (string) $checkout['status'] ),
					),
					array(
						'name'  => __( 'Information level', 'crypto-customer-bridge' ),
						'value' => LevelName::of( (string) $checkout['level'] ),
					),
					array(
						'name'  => __( 'Processor checkout', 'crypto-customer-bridge' ),
						'value' => (string) $checkout['processorCheckoutId'],
					),
				),
			);
		}
		foreach ( is_array( $all ) ? (array) ( $all['accounts'] ?? array() ) : array() as $account ) {
			$data[] = array(
				'group_id'    => 'crypto-customer-bridge-accounts',
				'group_label' => __( 'Accounts paid from', 'crypto-customer-bridge' ),
				'item_id'     => 'account-' . md5( $account['network'] . ':' . $account['account'] ),
				'data'        => array(
					array(
						'name'  => __( 'Network', 'crypto-customer-bridge' ),
						'value' => (string) $account['network'],
					),
					array(
						'name'  => __( 'Account', 'crypto-customer-bridge' ),
						'value' => (string) $account['account'],
					),
					array(
						'name'  => __( 'Last used', 'crypto-customer-bridge' ),
						'value' => self::site_date( (string) $account['lastUsedAt'] ),
					),
				),
			);
		}
		foreach ( is_array( $all ) ? (array) ( $all['audit'] ?? array() ) : array() as $entry ) {
			$data[] = array(
				'group_id'    => 'crypto-customer-bridge-audit',
				'group_label' => __( 'Changes to the customer record', 'crypto-customer-bridge' ),
				'item_id'     => 'audit-' . $entry['id'],
				'data'        => array(
					array(
						'name'  => __( 'Date', 'crypto-customer-bridge' ),
						'value' => self::site_date( (string) $entry['createdAt'] ),
					),
					array(
						'name'  => __( 'What happened', 'crypto-customer-bridge' ),
						'value' => (string) $entry['action'],
					),
					array(
						'name'  => __( 'By', 'crypto-customer-bridge' ),
						'value' => trim( (string) $entry['actor'] . ( empty( $entry['onBehalfOf'] ) ? '' : ' (' . $entry['onBehalfOf'] . ')' ) ),
					),
				),
			);
		}
		return array(
			'data' => $data,
			'done' => true,
		);
	}

	/**
	 * Eraser callback.
	 *
	 * @param string $email Email.
	 * @param int    $page  Page.
	 * @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool}|\WP_Error
	 */
	public function erase( string $email, int $page = 1 ) {
		$customer = $this->find( $email );
		if ( is_wp_error( $customer ) ) {
			return new \WP_Error( 'ccb_bridge_unreachable', __( 'The crypto payment service could not be reached, so nothing was erased there. Try again later.', 'crypto-customer-bridge' ) );
		}
		if ( ! $customer ) {
			return array(
				'items_removed'  => false,
				'items_retained' => false,
				'messages'       => array(),
				'done'           => true,
			);
		}
		$detail = $this->settings->client()->request( 'GET', '/v1/customers/' . $customer['id'] );
		$erased = $this->settings->client()->request( 'DELETE', '/v1/customers/' . $customer['id'] );
		if ( is_wp_error( $erased ) ) {
			// The bridge erases nothing unless the processor's copy is gone: say so, never "done".
			return array(
				'items_removed'  => false,
				'items_retained' => true,
				'messages'       => array(
					sprintf(
						/* translators: %s: the error from the payment service */
						__( 'The customer could not be erased at the crypto payment processor, so nothing was erased: %s Try again later.', 'crypto-customer-bridge' ),
						$erased->get_error_message()
					),
				),
				'done'           => true,
			);
		}
		$paid = is_array( $detail ) && ! empty( $detail['checkouts'] );
		return array(
			'items_removed'  => true,
			'items_retained' => $paid,
			'messages'       => $paid ? array( __( 'Crypto payments were kept without personal data, for the shop\'s accounting. Invoices already issued to this customer are kept as issued, with the name and address on them, for the legal retention period (ten years in Germany): accounting law requires it.', 'crypto-customer-bridge' ) ) : array(),
			'done'           => true,
		);
	}

	/**
	 * A date as the site writes dates (Settings → General), in its timezone.
	 *
	 * @param string $iso ISO 8601 instant.
	 */
	private static function site_date( string $iso ): string {
		$time = strtotime( $iso );
		return false === $time ? $iso : (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $time );
	}

	/**
	 * A country's name in the site's language ("Deutschland"), or its code.
	 *
	 * @param string $code ISO 3166-1 alpha-2 code.
	 */
	private static function country_name( string $code ): string {
		$woocommerce = function_exists( 'WC' ) ? WC() : null;
		if ( $woocommerce && $woocommerce->countries instanceof \WC_Countries ) {
			$countries = $woocommerce->countries->get_countries();
			if ( isset( $countries[ $code ] ) ) {
				return html_entity_decode( (string) $countries[ $code ], ENT_QUOTES, 'UTF-8' );
			}
		}
		if ( class_exists( '\Locale' ) ) {
			$name = \Locale::getDisplayRegion( 'und-' . $code, determine_locale() );
			if ( is_string( $name ) && '' !== $name && $name !== $code ) {
				return $name;
			}
		}
		return $code;
	}
}
