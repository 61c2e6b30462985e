<?php
/**
 * Test doubles for WooCommerce orders, on top of WooCommerce's API stubs: they behave as the
 * documented methods do, and record what the code under test did to them.
 */

require_once __DIR__ . '/stubs.php';

// phpcs:disable Generic.Files.OneObjectStructurePerFile

/** An order line of any type; getters read from the given data. */
final class FakeLine {
	private $data;
	public function __construct( array $data ) {
		$this->data = $data;
	}
	public function __call( $name, $args ) {
		return $this->data[ substr( $name, 4 ) ] ?? null;
	}
}

final class FakeOrder extends WC_Order {
	public $status;
	public $lines;
	public $billing;
	public $notes    = array();
	public $meta     = array();
	public $paid     = false;
	public $saved    = 0;
	public $total    = '0';
	public $currency = 'EUR';
	public $id       = 77;
	public $key      = 'wc_order_test77';
	public $cancel   = 'https://shop.example/cart/?cancel_order=true';
	public $payment_method = 'ccb_crypto';
	public $transaction_id = '';

	public function __construct( string $status = 'pending', array $lines = array(), array $billing = array() ) {
		$this->status  = $status;
		$this->lines   = $lines;
		$this->billing = $billing;
	}
	public function get_items( $types = 'line_item' ) {
		return $this->lines[ $types ] ?? array();
	}
	public function get_id() {
		return $this->id;
	}
	public function get_order_number() {
		return (string) $this->id;
	}
	public function get_edit_order_url() {
		return 'https://shop.example/wp-admin/admin.php?page=wc-orders&action=edit&id=' . $this->id;
	}
	public function get_order_key( $context = 'view' ) {
		return $this->key;
	}
	public function get_customer_id( $context = 'view' ) {
		return 0;
	}
	public function get_transaction_id( $context = 'view' ) {
		return $this->transaction_id;
	}
	public function get_payment_method( $context = 'view' ) {
		return $this->payment_method;
	}
	public function get_currency( $context = 'view' ) {
		return $this->currency;
	}
	public function get_total( $context = 'view' ) {
		return $this->total;
	}
	public function get_checkout_order_received_url() {
		return 'https://shop.example/checkout/order-received/77/?key=wc_order_test77';
	}
	public function get_cancel_order_url_raw( $redirect = '' ) {
		return $this->cancel;
	}
	public function __call( $name, $args ) {
		if ( 0 === strpos( $name, 'get_billing_' ) ) {
			return $this->billing[ substr( $name, 12 ) ] ?? '';
		}
		throw new BadMethodCallException( $name );
	}
	public function get_billing_first_name( $context = 'view' ) {
		return $this->billing['first_name'] ?? '';
	}
	public function get_billing_last_name( $context = 'view' ) {
		return $this->billing['last_name'] ?? '';
	}
	public function get_billing_email( $context = 'view' ) {
		return $this->billing['email'] ?? '';
	}
	public function get_billing_company( $context = 'view' ) {
		return $this->billing['company'] ?? '';
	}
	public function get_billing_address_1( $context = 'view' ) {
		return $this->billing['address_1'] ?? '';
	}
	public function get_billing_address_2( $context = 'view' ) {
		return $this->billing['address_2'] ?? '';
	}
	public function get_billing_postcode( $context = 'view' ) {
		return $this->billing['postcode'] ?? '';
	}
	public function get_billing_city( $context = 'view' ) {
		return $this->billing['city'] ?? '';
	}
	public function get_billing_country( $context = 'view' ) {
		return $this->billing['country'] ?? '';
	}
	public function get_billing_phone( $context = 'view' ) {
		return $this->billing['phone'] ?? '';
	}
	public function get_status( $context = 'view' ) {
		return $this->status;
	}
	public function is_paid() {
		return $this->paid || in_array( $this->status, array( 'processing', 'completed' ), true );
	}
	public function add_order_note( $note, $is_customer_note = 0, $added_by_user = false, $meta_data = array() ) {
		$this->notes[] = $note;
		return count( $this->notes );
	}
	public function payment_complete( $transaction_id = '' ) {
		$this->transaction_id = $transaction_id;
		$this->status         = 'processing';
		$this->paid   = true;
		return true;
	}
	public function update_status( $new_status, $note = '', $manual = false ) {
		$this->status = $new_status;
		if ( $note ) {
			$this->notes[] = $note;
		}
		return true;
	}
	public function update_meta_data( $key, $value, $meta_id = 0 ) {
		$this->meta[ $key ] = $value;
	}
	public function get_meta( $key = '', $single = true, $context = 'view' ) {
		return $this->meta[ $key ] ?? '';
	}
	public function save() {
		$this->saved++;
		return $this->get_id();
	}
}
