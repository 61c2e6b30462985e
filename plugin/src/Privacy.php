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
		$labels = array(
			'firstName'    => __( 'First name', 'crypto-customer-bridge' ),
			'lastName'     => __( 'Last name', 'crypto-customer-bridge' ),
			'email'        => __( 'Email address', 'crypto-customer-bridge' ),
			'company'      => __( 'Company', 'crypto-customer-bridge' ),
			'taxId'        => __( 'Tax ID', 'crypto-customer-bridge' ),
			'addressLine1' => __( 'Address', 'crypto-customer-bridge' ),
			'addressLine2' => __( 'Address line 2', 'crypto-customer-bridge' ),
			'postalCode'   => __( 'Postal code', 'crypto-customer-bridge' ),
			'city'         => __( 'City', 'crypto-customer-bridge' ),
			'countryCode'  => __( 'Country', 'crypto-customer-bridge' ),
			'phone'        => __( 'Phone', 'crypto-customer-bridge' ),
			'note'         => __( 'Note', 'crypto-customer-bridge' ),
		);
		$fields = array();
		foreach ( $labels as $key => $label ) {
			if ( isset( $customer[ $key ] ) && '' !== (string) $customer[ $key ] ) {
				$fields[] = array(
					'name'  => $label,
					'value' => (string) $customer[ $key ],
				);
			}
		}
		$data = array(
			array(
				'group_id'    => 'crypto-customer-bridge',
				'group_label' => __( 'Crypto payments customer', 'crypto-customer-bridge' ),
				'item_id'     => 'customer-' . $customer['id'],
				'data'        => $fields,
			),
		);
		foreach ( is_array( $all ) ? (array) $all['checkouts'] : array() as $checkout ) {
			$data[] = array(
				'group_id'    => 'crypto-customer-bridge-payments',
				'group_label' => __( 'Crypto payments', 'crypto-customer-bridge' ),
				'item_id'     => 'payment-' . $checkout['id'],
				'data'        => array(
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
						'name'  => __( 'Date', 'crypto-customer-bridge' ),
						'value' => $checkout['createdAt'],
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
			'messages'       => $paid ? array( __( 'Crypto payments were kept without personal data, for the shop\'s accounting (invoices must be kept for the legal retention period).', 'crypto-customer-bridge' ) ) : array(),
			'done'           => true,
		);
	}
}
