<?php

require_once __DIR__ . '/FakeOrder.php';

use CryptoCustomerBridge\Bridge\Connection;
use CryptoCustomerBridge\Bridge\Signature;
use CryptoCustomerBridge\WooCommerce\Gateway;
use CryptoCustomerBridge\WooCommerce\Integration;

final class GatewayTest extends WordPressTestCase {

	private function order(): FakeOrder {
		$order        = new FakeOrder(
			'pending',
			array( 'line_item' => array( new FakeLine( array( 'name' => 'Kettle', 'quantity' => 1, 'subtotal' => '40.00', 'subtotal_tax' => '7.60', 'product_id' => 9 ) ) ), 'tax' => array( new FakeLine( array( 'label' => 'VAT', 'rate_percent' => 19 ) ) ) ),
			array( 'first_name' => 'Gus', 'last_name' => 'Gateway', 'email' => 'gus.' . wp_generate_password( 6, false ) . '@example.com' )
		);
		$order->total = '47.60';
		return $order;
	}

	public function test_paying_writes_the_checkout_to_the_order_and_a_retry_reuses_it(): void {
		update_option( 'ccb_level', 'minimal' );
		$gateway = new Gateway();
		$order   = $this->order();
		$first   = $gateway->pay( $order );
		$this->assertSame( 'success', $first['result'] );
		$this->assertMatchesRegularExpression( '~/sandbox/checkout/[a-z0-9]{12}$~', $first['redirect'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $order->meta[ Gateway::META_CHECKOUT ] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $order->meta[ Gateway::META_CUSTOMER ] );
		$this->assertSame( 'minimal', $order->meta[ Gateway::META_LEVEL ] );
		$this->assertSame( 1, $order->saved, 'meta is written through the order object and saved' );
		$this->assertCount( 1, $order->notes );

		$again = $gateway->pay( $order );
		$this->assertSame( $first['redirect'], $again['redirect'], 'a retry or a second tab gets the same checkout' );
		$this->assertCount( 1, $order->notes, 'reusing the checkout adds no note' );
	}

	public function test_an_event_delivered_twice_changes_the_order_once(): void {
		$order = $this->order();
		$order->update_meta_data( Gateway::META_CHECKOUT, wp_generate_uuid4() );
		add_action(
			'ccb_event',
			static function ( $event ) use ( $order ) {
				Integration::apply_event(
					$event,
					static function ( $checkout ) use ( $order ) {
						return $checkout['id'] === $order->get_meta( Gateway::META_CHECKOUT ) ? $order : null;
					}
				);
			}
		);
		$event = array(
			'id'   => wp_generate_uuid4(),
			'type' => 'checkout.completed',
			'data' => array( 'checkout' => array( 'id' => $order->get_meta( Gateway::META_CHECKOUT ), 'status' => 'completed' ) ),
		);
		$body                   = wp_json_encode( $event );
		$_SERVER['REQUEST_URI'] = '/wp-json/ccb/v1/events';
		$connection             = Connection::from_array( get_option( 'ccb_connection' ) );
		foreach ( array( 1, 2 ) as $delivery ) {
			$request = new WP_REST_Request( 'POST', '/ccb/v1/events' );
			foreach ( Signature::headers( $connection, 'POST', '/wp-json/ccb/v1/events', $body ) as $name => $value ) {
				$request->set_header( $name, $value );
			}
			$request->set_body( $body );
			$this->assertSame( 200, rest_get_server()->dispatch( $request )->get_status() );
		}
		$this->assertSame( 'processing', $order->status );
		$this->assertCount( 1, $order->notes );
		$expired = $event;
		$expired['id']                          = wp_generate_uuid4();
		$expired['data']['checkout']['status'] = 'expired';
		$this->assertFalse( Integration::apply_event( $expired, static function () use ( $order ) {
			return $order;
		} ), 'an expired event never touches a paid order' );
	}

	public function test_a_second_browser_with_another_nonce_gets_the_same_checkout_and_no_second_note(): void {
		$gateway = new Gateway();
		$order   = $this->order();
		$first   = $gateway->pay( $order );
		$order->cancel = 'https://shop.example/cart/?cancel_order=true&_wpnonce=' . wp_generate_password( 10, false );
		$second  = $gateway->pay( $order );
		$this->assertSame( $first['redirect'], $second['redirect'] );
		$this->assertCount( 1, $order->notes );
		$this->assertCount( 1, Gateway::checkout_ids( $order ) );
	}

	public function test_a_total_ending_in_zero_reuses_the_open_checkout(): void {
		$gateway      = new Gateway();
		$order        = $this->order();
		$first        = $gateway->pay( $order );
		$order->total = '47.6';
		$this->assertSame( $first['redirect'], $gateway->pay( $order )['redirect'] );
	}

	public function test_two_sites_with_the_same_order_id_get_separate_checkouts_and_customers(): void {
		$gateway     = new Gateway();
		$live        = $this->order();
		$live->id    = 4242;
		$copy        = $this->order();
		$copy->id    = 4242;
		$copy->key   = 'wc_order_staging4242';
		$a           = $gateway->pay( $live );
		$b           = $gateway->pay( $copy );
		$this->assertNotSame( $a['redirect'], $b['redirect'] );
		$this->assertNotSame( $live->meta[ Gateway::META_CUSTOMER ], $copy->meta[ Gateway::META_CUSTOMER ] );
		$this->assertNotSame( Gateway::idempotency_key( $live, 'minimal' ), Gateway::idempotency_key( $copy, 'minimal' ) );
	}

	public function test_an_event_for_a_checkout_the_order_never_had_does_not_find_it(): void {
		$order = $this->order();
		$order->update_meta_data( Gateway::META_CHECKOUTS, array( 'a-checkout' ) );
		$found = Integration::apply_event(
			array( 'data' => array( 'checkout' => array( 'id' => 'another-sites-checkout', 'status' => 'completed', 'orderRef' => 'wc-77' ) ) ),
			static function ( $checkout ) use ( $order ) {
				return in_array( $checkout['id'], Gateway::checkout_ids( $order ), true ) ? $order : null;
			}
		);
		$this->assertFalse( $found );
		$this->assertSame( 'pending', $order->status );
	}

	public function test_a_tax_id_the_payment_method_collected_reaches_the_charge(): void {
		$order = $this->order();
		CryptoCustomerBridge\WooCommerce\TaxIdField::store( $order, "  DE 123<script>  " );
		$this->assertSame( 'DE 123', CryptoCustomerBridge\WooCommerce\TaxIdField::value( $order ) );
		CryptoCustomerBridge\WooCommerce\TaxIdField::store( $order, '' );
		$this->assertSame( 'DE 123', $order->get_meta( CryptoCustomerBridge\WooCommerce\TaxIdField::META ), 'an empty submission keeps what was given' );
		$snapshot = CryptoCustomerBridge\WooCommerce\OrderSnapshot::from_order( $order, 'compliant', CryptoCustomerBridge\WooCommerce\TaxIdField::value( $order ) );
		$this->assertSame( 'DE 123', $snapshot['customer']['taxId'] );
	}
}
